package io.maap.reporting.report.query;

import io.maap.reporting.businessplan.query.BusinessPlanViews;
import io.maap.reporting.projection.query.Documents;
import io.maap.reporting.projection.query.ViewStores;
import org.bson.Document;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Progress against the business plan's priorities (seed 002): for each plan of the partnership
 * whose period overlaps the programme year (every plan of the partnership when the programme has
 * no dates), each priority's current RAG and its quarterly ratings, the audits linked to it (closed
 * of linked), its findings (areas for improvement, good practice) and its actions (open, overdue,
 * closed): the rows of {@link BusinessPlanViews#scorecard}, read from the report's own view (today,
 * as of a date, or as at an instant). With no plan for the year the section says so.
 */
@Component
@Order(70)
public class BusinessPlanPrioritiesSection implements SectionBuilder {

    private static final List<String> RAGS = List.of("GREEN", "AMBER", "RED");

    private final BusinessPlanViews plans;

    public BusinessPlanPrioritiesSection(BusinessPlanViews plans) {
        this.plans = plans;
    }

    @Override
    public AnnualReport.Section build(ReportInput input) {
        ViewStores.View view = input.view();
        Document programme = input.programme();
        String partnership = programme == null ? null : programme.getString("partnership");
        LocalDate start = programme == null ? null : Documents.date(programme, "periodStart");
        LocalDate end = programme == null ? null : Documents.date(programme, "periodEnd");
        boolean dated = start != null && end != null;
        List<BusinessPlanViews.PlanSummary> ofPartnership = plans.plans(view).stream()
                .filter(p -> partnership == null || partnership.strip().equalsIgnoreCase(String.valueOf(p.partnership()).strip()))
                .toList();
        List<BusinessPlanViews.PlanSummary> chosen = ofPartnership.stream()
                .filter(p -> !dated || (!p.periodStart().isAfter(end) && !p.periodEnd().isBefore(start)))
                .sorted(java.util.Comparator.comparing(BusinessPlanViews.PlanSummary::periodStart)
                        .thenComparing(BusinessPlanViews.PlanSummary::planId))
                .toList();
        String whose = partnership == null ? "the partnership" : partnership;
        List<String> paragraphs = new ArrayList<>();
        if (chosen.isEmpty()) {
            paragraphs.add(dated
                    ? "There is no business plan of " + whose + " for the programme year (" + period(start, end)
                    + "), so there is no progress against priorities to report."
                    : "There is no business plan of " + whose + " on record, so there is no progress against priorities "
                    + "to report.");
            if (!ofPartnership.isEmpty()) {
                paragraphs.add("Business plans on record for other years: " + String.join("; ", ofPartnership.stream()
                        .map(p -> p.title() + " (" + period(p.periodStart(), p.periodEnd()) + ")").toList()) + ".");
            }
            return new AnnualReport.Section("business-plan", "Business-plan priorities", paragraphs, List.of(), List.of());
        }
        paragraphs.add(dated
                ? "The business plans of " + whose + " whose period overlaps the programme year (" + period(start, end)
                + "): " + titles(chosen) + "."
                : "The programme has no dates, so every business plan of " + whose + " is shown: " + titles(chosen) + ".");
        List<AnnualReport.Table> tables = new ArrayList<>();
        List<AnnualReport.BarChart> charts = new ArrayList<>();
        for (BusinessPlanViews.PlanSummary summary : chosen) {
            BusinessPlanViews.Scorecard scorecard = plans.scorecard(view, summary.planId()).orElse(null);
            if (scorecard == null) {
                continue;
            }
            List<BusinessPlanViews.PriorityScore> priorities = scorecard.priorities();
            paragraphs.add(summary.title() + " (" + period(summary.periodStart(), summary.periodEnd()) + "): "
                    + priorities.size() + " priorities, now " + String.join(", ", RAGS.stream()
                    .map(rag -> count(priorities, rag) + " " + Cells.words(rag).toLowerCase(Locale.UK)).toList())
                    + " and " + count(priorities, null) + " not yet rated.");
            tables.add(new AnnualReport.Table(summary.title() + ": priorities by RAG, with their audits, findings and actions",
                    List.of("Priority", "Current RAG", "Q1", "Q2", "Q3", "Q4", "Audits linked", "Audits closed",
                            "Areas for improvement", "Good practice", "Actions open", "Actions overdue", "Actions closed"),
                    priorities.stream().map(p -> List.<Object>of(p.priorityId() + " " + text(p.title()),
                            p.currentRag() == null ? "Not rated" : Cells.words(p.currentRag()),
                            rag(p, "Q1"), rag(p, "Q2"), rag(p, "Q3"), rag(p, "Q4"),
                            p.audits().size(), p.auditsClosed(), p.areasForImprovement(), p.goodPractice(),
                            p.actionsOpen(), p.actionsOverdue(), p.actionsClosed())).toList()));
            List<List<Object>> audits = priorities.stream().flatMap(p -> p.audits().stream()
                            .map(a -> List.<Object>of(a.title() == null ? a.auditId() : a.title(), p.priorityId(),
                                    a.stage() == null ? "Not known" : Cells.words(a.stage()))))
                    .toList();
            if (!audits.isEmpty()) {
                tables.add(new AnnualReport.Table(summary.title() + ": audits linked to its priorities",
                        List.of("Audit", "Priority", "Stage"), audits));
            }
            List<AnnualReport.Bar> bars = new ArrayList<>();
            RAGS.forEach(rag -> bars.add(new AnnualReport.Bar(Cells.words(rag), count(priorities, rag))));
            bars.add(new AnnualReport.Bar("Not yet rated", count(priorities, null)));
            charts.add(new AnnualReport.BarChart(
                    (chosen.size() == 1 ? "" : summary.title() + ": ") + "Priorities by current RAG", "priorities", bars));
        }
        return new AnnualReport.Section("business-plan", "Business-plan priorities", paragraphs, tables, charts);
    }

    private static int count(List<BusinessPlanViews.PriorityScore> priorities, String rag) {
        return (int) priorities.stream().filter(p -> rag == null ? p.currentRag() == null : rag.equals(p.currentRag())).count();
    }

    private static String rag(BusinessPlanViews.PriorityScore priority, String quarter) {
        String rag = priority.ragByQuarter().get(quarter);
        return rag == null ? "" : Cells.words(rag);
    }

    private static String titles(List<BusinessPlanViews.PlanSummary> plans) {
        return String.join("; ", plans.stream().map(BusinessPlanViews.PlanSummary::title).toList());
    }

    private static String period(LocalDate start, LocalDate end) {
        return Cells.day(start) + " to " + Cells.day(end);
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
