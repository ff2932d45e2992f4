package io.maap.reporting.report.query;

import io.maap.reporting.businessplan.query.AuditLearningViews;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * What each audit set out to achieve and how its learning was spread (seed 000: success measures;
 * newsletter, multi-agency briefings, training providers, website): each success measure with its
 * latest evaluation, and each dissemination, from {@link AuditLearningViews} read in the report's
 * own view (today, as of a date, or as at an instant).
 */
@Component
@Order(80)
public class SuccessMeasuresSection implements SectionBuilder {

    private final AuditLearningViews learning;

    public SuccessMeasuresSection(AuditLearningViews learning) {
        this.learning = learning;
    }

    @Override
    public AnnualReport.Section build(ReportInput input) {
        List<AuditLearningViews.AuditLearning> audits = learning.audits(input.view(), input.programmeId(), null);
        List<List<Object>> measures = new ArrayList<>();
        List<List<Object>> sent = new ArrayList<>();
        for (AuditLearningViews.AuditLearning audit : audits) {
            String title = audit.title() == null ? audit.auditId() : audit.title();
            audit.successMeasures().forEach(m -> measures.add(List.<Object>of(title, text(m.description()),
                    m.outcome() == null ? "Not yet evaluated" : Cells.words(m.outcome()), text(m.evidence()),
                    Cells.day(m.evaluatedOn()))));
            audit.disseminations().forEach(d -> sent.add(List.<Object>of(title, Cells.words(d.channel()), text(d.what()),
                    text(d.sentTo()), Cells.day(d.sentOn()))));
        }
        String heading = "Success measures, dissemination";
        if (measures.isEmpty() && sent.isEmpty()) {
            return new AnnualReport.Section("success-measures", heading, List.of(audits.isEmpty()
                    ? "The programme has no audits with success measures."
                    : "No success measures have been set and no learning has been sent out for the programme's audits yet."),
                    List.of(), List.of());
        }
        long withMeasures = audits.stream().filter(a -> !a.successMeasures().isEmpty()).count();
        long unevaluated = audits.stream().mapToInt(AuditLearningViews.AuditLearning::unevaluated).sum();
        long disseminated = audits.stream().filter(a -> !a.disseminations().isEmpty()).count();
        List<String> paragraphs = List.of(
                withMeasures + " of " + audits.size() + " audits have success measures (" + measures.size() + " in all, "
                        + (measures.size() - unevaluated) + " evaluated, " + unevaluated + " not yet evaluated).",
                disseminated + " of " + audits.size() + " audits have sent out their learning (" + sent.size()
                        + " disseminations).");
        return new AnnualReport.Section("success-measures", heading, paragraphs,
                List.of(new AnnualReport.Table("Success measures and their evaluation, by audit",
                                List.of("Audit", "Success measure", "Outcome", "Evidence", "Evaluated on"), measures),
                        new AnnualReport.Table("Learning sent out, by audit",
                                List.of("Audit", "Channel", "What", "Sent to", "Sent on"), sent)),
                List.of(new AnnualReport.BarChart("Success measures by outcome", "measures", List.of(
                        new AnnualReport.Bar("Met", outcomes(audits, "MET")),
                        new AnnualReport.Bar("Partly met", outcomes(audits, "PARTLY_MET")),
                        new AnnualReport.Bar("Not met", outcomes(audits, "NOT_MET")),
                        new AnnualReport.Bar("Not yet evaluated", (int) unevaluated)))));
    }

    private static int outcomes(List<AuditLearningViews.AuditLearning> audits, String outcome) {
        return (int) audits.stream().flatMap(a -> a.successMeasures().stream()).filter(m -> outcome.equals(m.outcome())).count();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
