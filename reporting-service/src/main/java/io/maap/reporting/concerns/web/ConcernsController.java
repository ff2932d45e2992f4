package io.maap.reporting.concerns.web;

import io.maap.reporting.concerns.query.ConcernsProjection;
import io.maap.support.access.AccessRecords;

import io.maap.support.security.AgencyScope;
import io.maap.support.security.Caller;
import org.springframework.data.mongodb.core.query.Criteria;
import io.maap.reporting.projection.query.AsOf;
import io.maap.reporting.projection.query.Documents;
import io.maap.reporting.projection.query.Page;
import io.maap.reporting.projection.query.ViewStores;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

@RestController
@Validated
@RequestMapping("/api/safeguarding-concerns")
public class ConcernsController {

    private final ViewStores views;
    private final AccessRecords accessRecords;
    private final Clock clock;

    public ConcernsController(ViewStores views, AccessRecords accessRecords, Clock clock) {
        this.views = views;
        this.accessRecords = accessRecords;
        this.clock = clock;
    }

    public record Concern(String concernId, String returnRequestId, String programmeId, String auditId,
                          String caseReference, String agency, String raisedBy, Instant raisedAt, String summary,
                          boolean open, String acknowledgedBy, Instant acknowledgedAt, String category,
                          List<String> agenciesToInform) {
    }

    @GetMapping
    @Operation(summary = "Immediate safeguarding concerns, oldest first; open ones are urgent until the agency acknowledges",
            description = "Agency staff see their own agency's concerns and those naming their agency among the agencies "
                    + "to be told. With asAt, as recorded by that instant; with asOf, the concerns raised by that date, open "
                    + "unless acknowledged by then.")
    public Page<Concern> concerns(@RequestParam(required = false) Instant asAt,
                                  @RequestParam(required = false) LocalDate asOf,
                                  @RequestParam(defaultValue = "true") boolean open,
                                  @RequestParam(required = false) String programmeId,
                                  @RequestParam(required = false) String auditId,
                                  @RequestParam(name = "agency", required = false) String requestedAgency,
                                  @RequestParam(defaultValue = "0") @Min(0) int page,
                                  @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        ViewStores.View view = views.view(asAt, asOf);
        List<Concern> all = Documents.find(view.store(), ConcernsProjection.CONCERNS, scope(open && asOf == null,
                        programmeId, auditId, requestedAgency)).stream()
                .map(c -> asOf == null ? c : AsOf.concern(c, asOf, clock.getZone()))
                .filter(c -> c != null && (!open || Documents.flag(c, "open")))
                .map(c -> new Concern(c.getString("concernId"), c.getString("returnRequestId"), c.getString("programmeId"),
                        c.getString("auditId"), c.getString("caseReference"), c.getString("agency"), c.getString("raisedBy"),
                        Instant.parse(c.getString("raisedAt")), c.getString("summary"), Documents.flag(c, "open"),
                        c.getString("acknowledgedBy"),
                        c.getString("acknowledgedAt") == null ? null : Instant.parse(c.getString("acknowledgedAt")),
                        c.getString("category"), c.getList("agenciesToInform", String.class, List.of())))
                .sorted(Comparator.comparing(Concern::raisedAt))
                .toList();
        Page<Concern> found = Page.of(all, page, size, view.asAt(), view.asOf());
        accessRecords.list("safeguarding-concern", found.items().stream()
                .map(c -> c.returnRequestId() + "/" + c.concernId()).toList(), found.items().size());
        return found;
    }

    /**
     * The concerns a caller may see: every agency's for the partnership (or the agency asked for);
     * for agency staff, their own agency's and those that name their agency among the agencies to be
     * told (Hackney's process directs a concern to the other agencies concerned).
     */
    private static Criteria scope(boolean openOnly, String programmeId, String auditId, String requestedAgency) {
        Criteria filters = Documents.where("open", openOnly ? Boolean.TRUE : null, "programmeId", programmeId,
                "auditId", auditId);
        if (Caller.require().partnershipWide()) {
            return Documents.where("open", openOnly ? Boolean.TRUE : null, "programmeId", programmeId, "auditId", auditId,
                    "agency", requestedAgency);
        }
        String agency = AgencyScope.filter(requestedAgency);
        Criteria visible = new Criteria().orOperator(Criteria.where("agency").is(agency),
                Criteria.where("agenciesToInform").is(agency));
        return filters.getCriteriaObject().isEmpty() ? visible : new Criteria().andOperator(filters, visible);
    }
}
