package io.maap.reporting.report.query;

import io.maap.events.auditprogramme.Section11AgencyStepRecorded;
import io.maap.reporting.audits.query.AuditsProjection;
import org.bson.Document;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * Section 11 status (seed 000): each Section 11 audit's stage and, per agency, the day of each step
 * (self-assessment, challenge panel, resubmission, action plan) reached by the report's day.
 */
@Component
@Order(60)
public class Section11Section implements SectionBuilder {

    private static final List<Section11AgencyStepRecorded.Step> STEPS = Arrays.asList(Section11AgencyStepRecorded.Step.values());

    @Override
    public AnnualReport.Section build(ReportInput input) {
        List<Document> audits = input.audits().stream().filter(a -> "SECTION_11".equals(a.getString("kind"))).toList();
        List<String> paragraphs = new ArrayList<>();
        List<AnnualReport.Table> tables = new ArrayList<>();
        if (audits.isEmpty()) {
            paragraphs.add("The programme has no Section 11 audit.");
        }
        List<String> headers = new ArrayList<>(List.of("Agency"));
        STEPS.forEach(step -> headers.add(Cells.words(step.name())));
        for (Document audit : audits) {
            Document milestones = audit.get("milestones", Document.class);
            Document presented = milestones == null ? null : milestones.get(AuditsProjection.ACTION_PLANS_PRESENTED, Document.class);
            String presentedOn = presented == null ? null : presented.getString("actual");
            Document steps = audit.get("section11Agencies", Document.class);
            TreeSet<String> agencies = new TreeSet<>(audit.getList("participatingAgencies", String.class, List.of()));
            if (steps != null) {
                agencies.addAll(steps.keySet());
            }
            int plansIn = 0;
            List<List<Object>> rows = new ArrayList<>();
            for (String agency : agencies) {
                Document agencySteps = steps == null ? null : steps.get(agency, Document.class);
                List<Object> row = new ArrayList<>(List.of(agency));
                for (Section11AgencyStepRecorded.Step step : STEPS) {
                    String on = agencySteps == null ? null : agencySteps.getString(step.name());
                    boolean reached = on != null && (input.asOf() == null || !LocalDate.parse(on).isAfter(input.asOf()));
                    row.add(reached ? Cells.day(on) : "");
                    if (reached && step == Section11AgencyStepRecorded.Step.ACTION_PLAN_RECEIVED) {
                        plansIn++;
                    }
                }
                rows.add(row);
            }
            String title = AuditsAgainstPlanSection.title(audit);
            paragraphs.add(title + ": " + Cells.words(audit.getString("stage")).toLowerCase(java.util.Locale.UK) + "; "
                    + plansIn + " of " + agencies.size() + " agencies' action plans received"
                    + (presentedOn == null ? "; the action plans have not yet been presented to the Board."
                    : "; action plans presented to the Board on " + Cells.day(presentedOn) + "."));
            tables.add(new AnnualReport.Table(title + ": each agency's steps", headers, rows));
        }
        return new AnnualReport.Section("section-11", "Section 11 status", paragraphs, tables, List.of());
    }
}
