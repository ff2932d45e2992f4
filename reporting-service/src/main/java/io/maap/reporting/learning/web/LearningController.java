package io.maap.reporting.learning.web;

import io.maap.reporting.learning.query.LearningProjection;

import io.maap.support.security.AgencyScope;
import io.maap.reporting.audits.query.AuditsProjection;
import io.maap.reporting.projection.query.AsOf;
import io.maap.reporting.projection.query.Documents;
import io.maap.reporting.projection.query.Page;
import io.maap.reporting.projection.query.ViewStores;
import io.maap.support.calendar.Lateness;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.bson.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

@RestController
@Validated
@RequestMapping("/api")
public class LearningController {

    private final ViewStores views;
    private final Lateness lateness;

    public LearningController(ViewStores views, Lateness lateness) {
        this.views = views;
        this.lateness = lateness;
    }

    /** An action with its whole monitoring history, oldest first. */
    public record ActionView(String actionId, String planId, String programmeId, String auditId, String description,
                             String owningAgency, String lead, LocalDate dueDate, boolean open, String rag,
                             boolean overdue, int updatesMissed, LocalDate closedOn, String successMeasure,
                             List<Map<String, Object>> history) {
    }

    @GetMapping("/actions")
    @Operation(summary = "The action tracker: actions with their RAG, overdue state and history",
            description = "An open action is overdue from the first working day after its due date (the one definition "
                    + "of lateness). With asAt, as recorded by that instant; with asOf, the actions added by that date, "
                    + "open or closed then, with their RAG and history then and overdue that day.")
    public Page<ActionView> actions(@RequestParam(required = false) Instant asAt,
                                    @RequestParam(required = false) LocalDate asOf,
                                    @RequestParam(required = false) String programmeId,
                                    @RequestParam(required = false) String auditId,
                                    @RequestParam(name = "agency", required = false) String requestedAgency,
                                    @RequestParam(required = false) Boolean open,
                                    @RequestParam(defaultValue = "0") @Min(0) int page,
                                    @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        String agency = AgencyScope.filter(requestedAgency);
        ViewStores.View view = views.view(asAt, asOf);
        List<ActionView> all = Documents.find(view.store(), LearningProjection.ACTIONS,
                        Documents.where("programmeId", programmeId, "auditId", auditId, "owningAgency", agency,
                                "open", asOf == null ? open : null))
                .stream().map(a -> asOf == null ? a : AsOf.action(a, asOf))
                .filter(a -> a != null && (open == null || open == Documents.flag(a, "open")))
                .map(a -> {
                    LocalDate due = Documents.date(a, "dueDate");
                    boolean isOpen = Documents.flag(a, "open");
                    @SuppressWarnings("unchecked")
                    List<Map<String, Object>> history = (List<Map<String, Object>>) (List<?>) a.getList("history", Document.class, List.of());
                    return new ActionView(a.getString("actionId"), a.getString("planId"), a.getString("programmeId"),
                            a.getString("auditId"), a.getString("description"), a.getString("owningAgency"),
                            a.getString("lead"), due, isOpen, a.getString("rag"), isOpen && due != null && lateness.isOverdue(due, view.today()),
                            Documents.number(a, "updatesMissed"), Documents.date(a, "closedOn"),
                            a.getString("successMeasure"), history);
                })
                .sorted(Comparator.comparing(ActionView::dueDate).thenComparing(ActionView::auditId).thenComparing(ActionView::actionId))
                .toList();
        return Page.of(all, page, size, view.asAt(), view.asOf());
    }

    /** An aspect of practice found wanting (or good) in more than one audit. */
    public record RecurringTheme(String aspect, String aspectLabel, int areasForImprovement, int goodPractice,
                                 int audits, List<String> auditIds, List<String> programmes) {
    }

    @GetMapping("/recurring-themes")
    @Operation(summary = "Aspects that keep coming back across audits and years",
            description = "Findings grouped by aspect; minAudits keeps aspects found in at least that many audits.")
    public List<RecurringTheme> recurringThemes(@RequestParam(required = false) Instant asAt,
                                                @RequestParam(required = false) String theme,
                                                @RequestParam(defaultValue = "2") @Min(1) int minAudits) {
        ViewStores.View view = views.view(asAt);
        Map<String, Document> audits = Documents.find(view.store(), AuditsProjection.AUDITS, new Criteria()).stream()
                .collect(Collectors.toMap(d -> d.getString("_id"), Function.identity()));
        Map<String, List<Document>> byAspect = Documents.find(view.store(), LearningProjection.FINDINGS, new Criteria()).stream()
                .filter(f -> theme == null || (audits.containsKey(f.getString("auditId"))
                        && theme.equalsIgnoreCase(audits.get(f.getString("auditId")).getString("theme"))))
                .collect(Collectors.groupingBy(f -> f.getString("aspect"), TreeMap::new, Collectors.toList()));
        return byAspect.entrySet().stream().map(e -> {
                    List<Document> findings = e.getValue();
                    TreeSet<String> auditIds = findings.stream().map(f -> f.getString("auditId")).collect(Collectors.toCollection(TreeSet::new));
                    TreeSet<String> programmes = findings.stream().map(f -> f.getString("programmeId")).collect(Collectors.toCollection(TreeSet::new));
                    return new RecurringTheme(e.getKey(), findings.get(0).getString("aspectLabel"),
                            (int) findings.stream().filter(f -> "AREA_FOR_IMPROVEMENT".equals(f.getString("kind"))).count(),
                            (int) findings.stream().filter(f -> "GOOD_PRACTICE".equals(f.getString("kind"))).count(),
                            auditIds.size(), List.copyOf(auditIds), List.copyOf(programmes));
                })
                .filter(t -> t.audits() >= minAudits)
                .sorted(Comparator.comparingInt(RecurringTheme::audits).reversed()
                        .thenComparing(Comparator.comparingInt(RecurringTheme::areasForImprovement).reversed())
                        .thenComparing(RecurringTheme::aspect))
                .toList();
    }
}
