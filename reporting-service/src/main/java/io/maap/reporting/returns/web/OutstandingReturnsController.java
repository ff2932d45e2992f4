package io.maap.reporting.returns.web;

import io.maap.reporting.returns.query.ReturnsProjection;

import io.maap.support.security.AgencyScope;
import io.maap.reporting.audits.query.AuditsProjection;
import io.maap.reporting.projection.query.AsOf;
import io.maap.reporting.projection.query.Documents;
import io.maap.reporting.projection.query.ProgrammeFigures;
import io.maap.reporting.projection.query.ProgrammeViewCache;
import io.maap.reporting.projection.query.ProgrammeViewWarmer;
import io.maap.reporting.projection.query.ProjectionStore;
import io.maap.reporting.projection.query.ViewStores;
import io.maap.support.calendar.Lateness;
import io.maap.support.calendar.WorkingDayCalendar;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.bson.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.core.annotation.Order;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

@RestController
@Validated
@RequestMapping("/api/outstanding-returns")
@Order(3)
public class OutstandingReturnsController implements ProgrammeViewWarmer.Warmable {

    private final ViewStores views;
    private final WorkingDayCalendar calendar;
    private final Lateness lateness;
    private final ProgrammeViewCache programmeViews;

    public OutstandingReturnsController(ViewStores views, WorkingDayCalendar calendar, ProgrammeViewCache programmeViews) {
        this.views = views;
        this.calendar = calendar;
        this.lateness = new Lateness(calendar);
        this.programmeViews = programmeViews;
    }

    /**
     * A programme's awaited returns in a scope, all of them in the default order, with how late
     * each is on the day: what {@link ProgrammeViewCache} keeps (its parameters); the filters
     * (theme, overdue, due within) and another order are applied per request to these few hundred
     * rows at most, so that one computed list serves them all.
     */
    private record AwaitedOn(LocalDate today, String auditId, String agency) {
    }

    /** What a request keeps of the awaited returns, and in what order. */
    private record Filters(LocalDate today, String theme, Boolean overdue, LocalDate dueBy, Order order) {
    }

    /** How the list can be ordered. */
    public enum Order { DUE_DATE, WORKING_DAYS_LATE, AGENCY, AUDIT }

    @GetMapping
    @Operation(summary = "Returns still awaited from agencies (never submitted, or sent back)",
            description = "workingDaysLate counts working days after the due date in force (0 when not late). "
                    + "overdue=true keeps only late ones; dueWithinWorkingDays=N keeps those due in the next N working days. "
                    + "With asAt (an ISO-8601 instant), the list as recorded by then; with asOf (a date), the returns "
                    + "awaited on that date (requested by then, not received by then) and how late they were that day.")
    public OutstandingReturnsPage list(@RequestParam(required = false) Instant asAt,
                                       @RequestParam(required = false) LocalDate asOf,
                                       @RequestParam(required = false) String programmeId,
                                       @RequestParam(required = false) String auditId,
                                       @RequestParam(name = "agency", required = false) String requestedAgency,
                                       @RequestParam(required = false) String theme,
                                       @RequestParam(required = false) Boolean overdue,
                                       @Parameter(description = "Only returns due within this many working days from today")
                                       @RequestParam(required = false) @Min(0) @Max(60) Integer dueWithinWorkingDays,
                                       @RequestParam(defaultValue = "DUE_DATE") Order order,
                                       @RequestParam(defaultValue = "0") @Min(0) int page,
                                       @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        String agency = AgencyScope.filter(requestedAgency);
        ViewStores.View view = views.view(asAt, asOf);
        LocalDate today = view.today();
        LocalDate dueBy = dueWithinWorkingDays == null ? null : calendar.addWorkingDays(today, dueWithinWorkingDays);
        Filters filters = new Filters(today, theme, overdue, dueBy, order);
        List<OutstandingReturn> all;
        if (asOf == null && programmeId != null && ProgrammeFigures.kept(view.store())) {
            all = filtered(awaited(view.store(), programmeId, today, auditId, agency), filters);
        } else {
            Map<String, Document> audits = new HashMap<>();
            all = filtered(rows(fromReturns(view.store(), asOf, programmeId, auditId, agency, audits), audits, asOf, today, null),
                    filters);
        }
        List<OutstandingReturn> items = all.stream().skip((long) page * size).limit(size).toList();
        return new OutstandingReturnsPage(items, page, size, all.size(), view.asAt(), view.asOf());
    }

    /**
     * A programme's awaited returns in scope (an agency-scoped caller's agency included), every page,
     * by due date: computed from its {@link ProgrammeFigures} document once per version and day.
     */
    private List<OutstandingReturn> awaited(ProjectionStore store, String programmeId, LocalDate today, String auditId,
                                            String agency) {
        return programmeViews.view(store, programmeId, new AwaitedOn(today, auditId, agency), List::size,
                () -> awaited(store, programmeId, ProgrammeFigures.read(store, programmeId), today, auditId, agency));
    }

    private List<OutstandingReturn> awaited(ProjectionStore store, String programmeId, ProgrammeFigures.Read figures,
                                            LocalDate today, String auditId, String agency) {
        Map<String, Document> audits = new HashMap<>();
        return rows(fromProgrammeFigures(store, programmeId, figures, auditId, agency, audits), audits, null, today, programmeId)
                .stream()
                .sorted(comparator(Order.DUE_DATE))
                .toList();
    }

    /** The programme's whole list of awaited returns, today ({@link ProgrammeViewWarmer}). */
    @Override
    public void warm(ProjectionStore store, String programmeId, LocalDate today, Object version, ProgrammeFigures.Read figures) {
        List<OutstandingReturn> awaited = awaited(store, programmeId, figures, today, null, null);
        programmeViews.keep(store, programmeId, version, new AwaitedOn(today, null, null), awaited, awaited.size());
    }

    /**
     * The awaited ones of the candidates (as they stood on {@code asOf}, when given), with how late
     * each is on the day; {@code programmeId}, when given, is theirs (entries of a programme's
     * figures do not hold it, and are not changed here: a warmer shares them between views).
     */
    private List<OutstandingReturn> rows(List<Document> candidates, Map<String, Document> audits, LocalDate asOf, LocalDate today,
                                         String programmeId) {
        return candidates.stream()
                .map(r -> asOf == null ? r : AsOf.returnRequest(r, asOf))
                .filter(r -> r != null && Documents.flag(r, "awaitingAgency"))
                .map(r -> toView(r, programmeId != null ? programmeId : r.getString("programmeId"),
                        audits.get(r.getString("auditId")), today))
                .toList();
    }

    /** The rows the request keeps, in its order: every page. */
    private static List<OutstandingReturn> filtered(List<OutstandingReturn> rows, Filters on) {
        LocalDate today = on.today();
        return rows.stream()
                .filter(r -> on.theme() == null || on.theme().equalsIgnoreCase(r.theme()))
                .filter(r -> on.overdue() == null || on.overdue() == (r.workingDaysLate() > 0))
                .filter(r -> on.dueBy() == null || (!r.dueDate().isBefore(today) && !r.dueDate().isAfter(on.dueBy())))
                .sorted(comparator(on.order()))
                .toList();
    }

    /** Every return request in scope (awaited ones only, unless as of a date), with every audit in {@code audits}. */
    private static List<Document> fromReturns(ProjectionStore store, LocalDate asOf, String programmeId, String auditId,
                                              String agency, Map<String, Document> audits) {
        Documents.find(store, AuditsProjection.AUDITS, new Criteria()).forEach(audit -> audits.put(audit.getString("_id"), audit));
        return Documents.find(store, ReturnsProjection.RETURNS, Documents.where("awaitingAgency", asOf == null ? Boolean.TRUE : null,
                "programmeId", programmeId, "auditId", auditId, "agency", agency));
    }

    /**
     * A programme's awaited return requests as its {@link ProgrammeFigures} document holds them (one
     * read by {@code _id}), with the programme's audits (read by {@code _id}) in {@code audits}.
     */
    private static List<Document> fromProgrammeFigures(ProjectionStore store, String programmeId, ProgrammeFigures.Read programme,
                                                       String auditId, String agency, Map<String, Document> audits) {
        ProgrammeFigures.audits(store, programme.ids(ProgrammeFigures.AUDITS)).forEach(audit -> audits.put(audit.getString("_id"), audit));
        return programme.entries(ProgrammeFigures.RETURNS).stream()
                .filter(r -> Documents.flag(r, "awaitingAgency"))
                .filter(r -> auditId == null || auditId.equals(r.getString("auditId")))
                .filter(r -> agency == null || agency.equals(r.getString("agency")))
                .toList();
    }

    private OutstandingReturn toView(Document r, String programmeId, Document audit, LocalDate today) {
        LocalDate due = Documents.date(r, "dueDate");
        int late = lateness.workingDaysLate(due, today);
        return new OutstandingReturn(r.getString("_id"), programmeId, r.getString("auditId"),
                audit == null ? null : audit.getString("title"), audit == null ? null : audit.getString("theme"),
                r.getString("caseReference"), r.getString("caseType"), r.getString("agency"), r.getString("status"),
                Documents.date(r, "requestedOn"), due, Documents.date(r, "reminderDate"),
                Documents.flag(r, "reminded"), late, Documents.number(r, "sentBackCount"));
    }

    private static Comparator<OutstandingReturn> comparator(Order order) {
        // A total order (ties broken by audit, then request id): pages and rebuilt read models list alike.
        Comparator<OutstandingReturn> byDue = Comparator.comparing(OutstandingReturn::dueDate)
                .thenComparing(OutstandingReturn::agency).thenComparing(OutstandingReturn::caseReference)
                .thenComparing(OutstandingReturn::auditId).thenComparing(OutstandingReturn::returnRequestId);
        return switch (order) {
            case DUE_DATE -> byDue;
            case WORKING_DAYS_LATE -> Comparator.comparingInt(OutstandingReturn::workingDaysLate).reversed().thenComparing(byDue);
            case AGENCY -> Comparator.comparing(OutstandingReturn::agency).thenComparing(byDue);
            case AUDIT -> Comparator.comparing(OutstandingReturn::auditId).thenComparing(byDue);
        };
    }

    public record OutstandingReturn(String returnRequestId, String programmeId, String auditId, String auditTitle,
                                    String theme, String caseReference, String caseType, String agency, String status,
                                    LocalDate requestedOn, LocalDate dueDate, LocalDate reminderDate, boolean reminded,
                                    int workingDaysLate, int sentBackCount) {
    }

    public record OutstandingReturnsPage(List<OutstandingReturn> items, int page, int size, long total, Instant asAt,
                                         LocalDate asOf) {
    }
}
