package io.maap.reporting.outstanding;

import io.maap.reporting.projection.ViewStores;
import io.maap.support.calendar.WorkingDayCalendar;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

@RestController
@Validated
@RequestMapping("/api/outstanding-returns")
public class OutstandingReturnsController {

    private final ViewStores views;
    private final WorkingDayCalendar calendar;

    public OutstandingReturnsController(ViewStores views, WorkingDayCalendar calendar) {
        this.views = views;
        this.calendar = calendar;
    }

    @GetMapping
    @Operation(summary = "Return requests still awaiting the agency's return",
            description = "Ordered by due date; workingDaysLate counts working days since the due date (0 when not late). "
                    + "With asAt (an ISO-8601 instant), the list as it stood then.")
    public OutstandingReturnsPage list(@RequestParam(required = false) Instant asAt,
                                       @RequestParam(required = false) String programmeId,
                                       @RequestParam(required = false) String auditId,
                                       @RequestParam(required = false) String agency,
                                       @RequestParam(defaultValue = "0") @Min(0) int page,
                                       @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        List<Criteria> filters = new ArrayList<>();
        filters.add(Criteria.where("status").is(ReturnStatus.OUTSTANDING.name()));
        if (programmeId != null) {
            filters.add(Criteria.where("programmeId").is(programmeId));
        }
        if (auditId != null) {
            filters.add(Criteria.where("auditId").is(auditId));
        }
        if (agency != null) {
            filters.add(Criteria.where("agency").is(agency));
        }
        ViewStores.View view = views.view(asAt);
        MongoTemplate mongo = view.store().mongo();
        String requestsCollection = view.store().collection(OutstandingReturnsProjection.RETURN_REQUESTS);
        Query query = Query.query(new Criteria().andOperator(filters));
        long total = mongo.count(query, requestsCollection);
        query.with(Sort.by("dueDate", "agency", "caseReference")).skip((long) page * size).limit(size);
        List<Document> requests = mongo.find(query, Document.class, requestsCollection);

        Map<String, Document> audits = mongo.find(
                        Query.query(Criteria.where("_id").in(requests.stream().map(r -> r.getString("auditId")).distinct().toList())),
                        Document.class, view.store().collection(OutstandingReturnsProjection.AUDITS)).stream()
                .collect(Collectors.toMap(d -> d.getString("_id"), Function.identity()));
        LocalDate today = view.today();
        List<OutstandingReturn> items = requests.stream().map(r -> {
            LocalDate due = LocalDate.parse(r.getString("dueDate"));
            int late = Math.max(0, calendar.workingDaysBetween(due, today));
            Document audit = audits.get(r.getString("auditId"));
            return new OutstandingReturn(r.getString("_id"), r.getString("programmeId"), r.getString("auditId"),
                    audit == null ? null : audit.getString("title"), r.getString("caseReference"),
                    r.getString("caseType"), r.getString("agency"), LocalDate.parse(r.getString("requestedOn")), due,
                    LocalDate.parse(r.getString("reminderDate")), late);
        }).toList();
        return new OutstandingReturnsPage(items, page, size, total, view.asAt());
    }

    public record OutstandingReturn(String returnRequestId, String programmeId, String auditId, String auditTitle,
                                    String caseReference, String caseType, String agency, LocalDate requestedOn,
                                    LocalDate dueDate, LocalDate reminderDate, int workingDaysLate) {
    }

    public record OutstandingReturnsPage(List<OutstandingReturn> items, int page, int size, long total, Instant asAt) {
    }
}
