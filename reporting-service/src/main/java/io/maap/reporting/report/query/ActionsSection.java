package io.maap.reporting.report.query;

import io.maap.events.board.BoardScorecardUpdated;
import io.maap.support.calendar.Lateness;
import org.bson.Document;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;

/**
 * Actions open, closed and overdue: the programme's figures, each audit's, and the overdue actions
 * one by one (overdue from the first working day after the due date, {@link Lateness}).
 */
@Component
@Order(50)
public class ActionsSection implements SectionBuilder {

    private final Lateness lateness;

    public ActionsSection(Lateness lateness) {
        this.lateness = lateness;
    }

    @Override
    public AnnualReport.Section build(ReportInput input) {
        BoardScorecardUpdated.Actions a = input.scorecard().programme().actions();
        String paragraph = a.total() + " actions were agreed: " + a.closed() + " closed and " + a.open() + " open ("
                + a.onTrack() + " on track, " + a.atRisk() + " at risk, " + a.offTrack() + " off track, " + a.noUpdate()
                + " with no update yet); " + a.overdue() + " open actions are overdue.";
        List<List<Object>> perAudit = input.scorecard().audits().stream()
                .filter(x -> x.figures().actions().total() > 0)
                .map(x -> List.<Object>of(x.title() == null ? x.auditId() : x.title(), x.figures().actions().total(),
                        x.figures().actions().open(), x.figures().actions().overdue(), x.figures().actions().closed()))
                .toList();
        List<List<Object>> overdue = input.actions().stream()
                .filter(x -> Boolean.TRUE.equals(x.getBoolean("open")) && x.getString("dueDate") != null
                        && lateness.isOverdue(LocalDate.parse(x.getString("dueDate")), input.today()))
                .map(x -> List.<Object>of(text(x.getString("description")), input.auditTitle(x.getString("auditId")),
                        text(x.getString("owningAgency")), text(x.getString("lead")), Cells.day(x.getString("dueDate")),
                        lateness.workingDaysLate(LocalDate.parse(x.getString("dueDate")), input.today())))
                .toList();
        return new AnnualReport.Section("actions", "Actions open, closed, overdue", List.of(paragraph),
                List.of(new AnnualReport.Table("Actions by audit", List.of("Audit", "Actions", "Open", "Overdue", "Closed"), perAudit),
                        new AnnualReport.Table("Overdue actions", List.of("Action", "Audit", "Agency", "Lead", "Due",
                                "Working days late"), overdue)),
                List.of(new AnnualReport.BarChart("Actions by state", "actions", List.of(
                        new AnnualReport.Bar("Closed", a.closed()), new AnnualReport.Bar("On track", a.onTrack()),
                        new AnnualReport.Bar("At risk", a.atRisk()), new AnnualReport.Bar("Off track", a.offTrack()),
                        new AnnualReport.Bar("No update yet", a.noUpdate()), new AnnualReport.Bar("Overdue", a.overdue())))));
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
