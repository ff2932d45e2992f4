package io.maap.reporting.audits.web;

import io.maap.reporting.audits.query.AuditsProjection;

import io.maap.events.auditprogramme.Milestone;
import io.maap.reporting.projection.query.AsOf;
import io.maap.reporting.projection.query.Documents;
import io.maap.reporting.projection.query.ViewStores;
import io.maap.reporting.returns.query.ReturnsProjection;
import io.maap.reporting.scorecard.query.ScorecardFigures;
import io.maap.support.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.maap.support.calendar.Lateness;
import org.bson.Document;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

@RestController
@RequestMapping("/api")
public class ScheduleController {

    private final ViewStores views;
    private final Lateness lateness;

    public ScheduleController(ViewStores views, Lateness lateness) {
        this.views = views;
        this.lateness = lateness;
    }

    /**
     * A planned date (as precise as the plan was) against what happened, beside the baseline the
     * Executive agreed in the plan: {@code slippedDays} are the calendar days the actual date (or,
     * before it, the current plan's last day) falls after the baseline's last day; null without a baseline.
     */
    public record PlannedAgainstActual(LocalDate planned, String precision, LocalDate latest, LocalDate actual,
                                       String status, LocalDate baseline, String baselinePrecision, Long slippedDays) {
    }

    /**
     * One row of seed 000's table: audit, commence, round table, presented to the Executive; and every
     * milestone. A Section 11 audit has no round table (the dashboard shows "Not applicable"); its
     * July Board presentation of the action plans is the milestone {@code ACTION_PLANS_PRESENTED}.
     */
    public record ScheduleRow(String auditId, String title, String theme, String stage, PlannedAgainstActual commence,
                              PlannedAgainstActual roundTable, PlannedAgainstActual presented,
                              Map<String, PlannedAgainstActual> milestones) {
    }

    public record Schedule(String programmeId, String title, LocalDate periodStart, LocalDate periodEnd,
                           List<ScheduleRow> audits, Instant asAt, LocalDate asOf) {
    }

    @GetMapping("/programmes/{programmeId}/schedule")
    @Operation(summary = "The programme schedule, planned against actual (audit, commence, round table, presented)",
            description = "With asAt, as recorded by that instant; with asOf, as things stood on that date.")
    public Schedule schedule(@PathVariable String programmeId, @RequestParam(required = false) Instant asAt,
                             @RequestParam(required = false) LocalDate asOf) {
        ViewStores.View view = views.view(asAt, asOf);
        Document programme = view.store().mongo().findById(programmeId, Document.class,
                view.store().collection(AuditsProjection.PROGRAMMES));
        List<Document> audits = Documents.find(view.store(), AuditsProjection.AUDITS, Documents.where("programmeId", programmeId))
                .stream().map(audit -> asOf == null ? audit : AsOf.audit(audit, asOf)).toList();
        if (programme == null && audits.isEmpty()) {
            throw new NotFoundException("No programme '" + programmeId + "'.");
        }
        List<ScheduleRow> rows = audits.stream().map(audit -> row(audit, view.today()))
                .sorted(Comparator.comparing((ScheduleRow r) -> r.commence() == null ? LocalDate.MAX
                        : r.commence().actual() != null ? r.commence().actual() : r.commence().planned())
                        .thenComparing(ScheduleRow::auditId))
                .toList();
        return new Schedule(programmeId, programme == null ? null : programme.getString("title"),
                programme == null ? null : Documents.date(programme, "periodStart"),
                programme == null ? null : Documents.date(programme, "periodEnd"), rows, view.asAt(), view.asOf());
    }

    @GetMapping("/audits/{auditId}/matrix")
    @Operation(summary = "An audit's cases × agencies, with each return's status")
    public Matrix matrix(@PathVariable String auditId, @RequestParam(required = false) Instant asAt,
                         @RequestParam(required = false) LocalDate asOf) {
        ViewStores.View view = views.view(asAt, asOf);
        List<Document> returns = Documents.find(view.store(), ReturnsProjection.RETURNS, Documents.where("auditId", auditId))
                .stream().map(r -> asOf == null ? r : AsOf.returnRequest(r, asOf)).filter(Objects::nonNull).toList();
        if (returns.isEmpty()) {
            throw new NotFoundException("No return requests for audit '" + auditId + "'.");
        }
        TreeSet<String> agencies = new TreeSet<>();
        Map<String, Map<String, Cell>> rows = new TreeMap<>();
        for (Document r : returns) {
            agencies.add(r.getString("agency"));
            LocalDate due = Documents.date(r, "dueDate");
            boolean late = Documents.flag(r, "awaitingAgency") && lateness.isOverdue(due, view.today());
            rows.computeIfAbsent(r.getString("caseReference"), c -> new TreeMap<>()).put(r.getString("agency"),
                    new Cell(r.getString("_id"), r.getString("status"), Documents.flag(r, "nil"), late, due));
        }
        return new Matrix(auditId, List.copyOf(agencies), rows, view.asAt(), view.asOf());
    }

    public record Cell(String returnRequestId, String status, boolean nil, boolean overdue, LocalDate dueDate) {
    }

    public record Matrix(String auditId, List<String> agencies, Map<String, Map<String, Cell>> cases, Instant asAt,
                         LocalDate asOf) {
    }

    static ScheduleRow row(Document audit, LocalDate today) {
        Map<String, PlannedAgainstActual> milestones = new LinkedHashMap<>();
        Document stored = audit.get("milestones", Document.class);
        List<String> names = new ArrayList<>(Arrays.stream(Milestone.values()).map(Enum::name).toList());
        names.add(names.indexOf(Milestone.MONITORING_STARTED.name()), AuditsProjection.ACTION_PLANS_PRESENTED);
        for (String name : names) {
            Document m = stored == null ? null : stored.get(name, Document.class);
            if (m != null) {
                milestones.put(name, plannedAgainstActual(m, today));
            }
        }
        return new ScheduleRow(audit.getString("_id"), audit.getString("title"), audit.getString("theme"),
                audit.getString("stage"), milestones.get(Milestone.TOOL_SENT.name()),
                milestones.get(Milestone.CHALLENGE_DAY.name()), milestones.get(Milestone.SIGNED_OFF.name()), milestones);
    }

    private static PlannedAgainstActual plannedAgainstActual(Document milestone, LocalDate today) {
        Document planned = milestone.get("planned", Document.class);
        LocalDate actual = Documents.date(milestone, "actual");
        LocalDate latest = planned == null ? null : ScorecardFigures.latestDay(planned);
        String status = actual != null ? (latest == null || !actual.isAfter(latest) ? "MET" : "MET_LATE")
                : latest == null ? "UNPLANNED" : today.isAfter(latest) ? "OVERDUE" : "ON_TRACK";
        Document baseline = milestone.get("baseline", Document.class);
        LocalDate current = actual != null ? actual : latest;
        Long slipped = baseline == null || current == null ? null
                : java.time.temporal.ChronoUnit.DAYS.between(ScorecardFigures.latestDay(baseline), current);
        return new PlannedAgainstActual(planned == null ? null : Documents.date(planned, "date"),
                planned == null ? null : planned.getString("precision"), latest, actual, status,
                baseline == null ? null : Documents.date(baseline, "date"),
                baseline == null ? null : baseline.getString("precision"), slipped);
    }
}
