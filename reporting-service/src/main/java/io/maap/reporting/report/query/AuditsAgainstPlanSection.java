package io.maap.reporting.report.query;

import io.maap.events.board.BoardScorecardUpdated;
import io.maap.reporting.scorecard.query.ScorecardFigures;
import org.bson.Document;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Audits done against planned: each audit of the programme with its commencement, round table and
 * presentation to the Executive, planned (as the plan words it) and actual; an audit is done once
 * presented to (signed off by) the Board.
 */
@Component
@Order(10)
public class AuditsAgainstPlanSection implements SectionBuilder {

    static final Set<String> DONE = Set.of("SIGNED_OFF", "MONITORING", "CLOSED");
    private static final List<String> STAGES = List.of("PLANNED", "COMMISSIONED", "RETURNS_CLOSED", "ANALYSED",
            "CHALLENGE_DAY_HELD", "REPORT_DRAFTED", "ACTION_PLANS_PRESENTED", "SIGNED_OFF", "MONITORING", "CLOSED");

    @Override
    public AnnualReport.Section build(ReportInput input) {
        List<List<Object>> rows = new ArrayList<>();
        Map<String, Integer> byStage = new LinkedHashMap<>();
        STAGES.forEach(stage -> byStage.put(stage, 0));
        int done = 0;
        for (Document audit : input.audits()) {
            String stage = audit.getString("stage") == null ? "PLANNED" : audit.getString("stage");
            byStage.merge(stage, 1, Integer::sum);
            boolean section11 = "SECTION_11".equals(audit.getString("kind"));
            if (section11 ? "CLOSED".equals(stage) : DONE.contains(stage)) {
                done++;
            }
            Document presented = milestone(audit, "SIGNED_OFF");
            rows.add(List.of(title(audit), text(audit.getString("theme")), Cells.words(stage),
                    Cells.planned(planned(audit, "TOOL_SENT")), Cells.day(actual(audit, "TOOL_SENT")),
                    section11 ? "Not applicable" : Cells.planned(planned(audit, "CHALLENGE_DAY")),
                    section11 ? "Not applicable" : Cells.day(actual(audit, "CHALLENGE_DAY")),
                    Cells.planned(planned(audit, "SIGNED_OFF")), Cells.day(actual(audit, "SIGNED_OFF")),
                    status(presented, input.today())));
        }
        BoardScorecardUpdated.Milestones m = input.scorecard().programme().milestones();
        String paragraph = input.audits().size() + " audits were planned for the year; " + done
                + " had been presented to the Board by " + Cells.day(input.today()) + ". "
                + "Of " + m.planned() + " planned milestones, " + m.met() + " were met on time, " + m.metLate()
                + " late, " + m.onTrack() + " are on track and " + m.overdue() + " are overdue.";
        List<AnnualReport.Bar> stageBars = byStage.entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> new AnnualReport.Bar(Cells.words(e.getKey()), e.getValue())).toList();
        List<AnnualReport.Bar> milestoneBars = List.of(new AnnualReport.Bar("Met on time", m.met()),
                new AnnualReport.Bar("Met late", m.metLate()), new AnnualReport.Bar("On track", m.onTrack()),
                new AnnualReport.Bar("Overdue", m.overdue()));
        return new AnnualReport.Section("audits", "Audits done against planned", List.of(paragraph),
                List.of(new AnnualReport.Table("Each audit: commence, round table and presented to the Executive, planned and actual",
                        List.of("Audit", "Theme", "Stage", "Commence (planned)", "Commence (actual)", "Round table (planned)",
                                "Round table (actual)", "Presented (planned)", "Presented (actual)", "Presentation"),
                        rows)),
                List.of(new AnnualReport.BarChart("Audits by stage", "audits", stageBars),
                        new AnnualReport.BarChart("Planned milestones", "milestones", milestoneBars)));
    }

    static String title(Document audit) {
        return audit.getString("title") == null ? audit.getString("_id") : audit.getString("title");
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static Document milestone(Document audit, String name) {
        Document milestones = audit.get("milestones", Document.class);
        return milestones == null ? null : milestones.get(name, Document.class);
    }

    private static Document planned(Document audit, String name) {
        Document m = milestone(audit, name);
        return m == null ? null : m.get("planned", Document.class);
    }

    private static String actual(Document audit, String name) {
        Document m = milestone(audit, name);
        return m == null ? null : m.getString("actual");
    }

    private static String status(Document milestone, LocalDate today) {
        if (milestone == null) {
            return "Not planned";
        }
        Document planned = milestone.get("planned", Document.class);
        LocalDate latest = planned == null ? null : ScorecardFigures.latestDay(planned);
        String actual = milestone.getString("actual");
        if (actual != null) {
            return latest == null || !LocalDate.parse(actual).isAfter(latest) ? "Met" : "Met late";
        }
        return latest == null ? "Not planned" : today.isAfter(latest) ? "Overdue" : "On track";
    }
}
