package io.maap.auditprogramme.audit.command;

import io.maap.events.auditprogramme.AuditLearningDisseminated;
import io.maap.events.auditprogramme.AuditSuccessMeasureEvaluated;
import io.maap.events.auditprogramme.AuditSuccessMeasuresSet;
import io.maap.events.auditprogramme.AuditSuccessMeasuresSet.SuccessMeasure;
import io.maap.support.domain.RuleViolation;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What an audit needs before it can close, beside its evaluation: every success measure set when
 * it was planned judged with evidence (met, partly met, not met), and its learning sent out at
 * least once (seed 000: newsletter, multi-agency briefings, training providers, website).
 */
final class Closure {

    private List<SuccessMeasure> measures = List.of();
    private AuditSuccessMeasuresSet set;
    private final Map<String, AuditSuccessMeasureEvaluated> evaluations = new LinkedHashMap<>();
    private final Map<String, AuditLearningDisseminated> disseminations = new LinkedHashMap<>();

    /** Measures may be set or replaced until the first is evaluated; ids must be unique, descriptions given. */
    boolean admits(AuditSuccessMeasuresSet event) {
        if (event.equals(set)) {
            return false;
        }
        if (!evaluations.isEmpty()) {
            throw new RuleViolation("success-measures-evaluated", "The success measures of audit " + event.auditId()
                    + " can no longer change: " + String.join(", ", evaluations.keySet()) + " already evaluated.");
        }
        Set<String> ids = new HashSet<>();
        for (SuccessMeasure measure : event.measures()) {
            if (!ids.add(measure.measureId())) {
                throw new RuleViolation("success-measure-duplicated",
                        "The success measure " + measure.measureId() + " is given twice.");
            }
            if (measure.description() == null || measure.description().isBlank()) {
                throw new RuleViolation("success-measure-undescribed",
                        "The success measure " + measure.measureId() + " needs a description.");
            }
        }
        return true;
    }

    /** An evaluation names a measure of the audit, gives evidence, and is dated neither in the future nor twice alike. */
    boolean admits(AuditSuccessMeasureEvaluated event, LocalDate today) {
        if (measures.stream().noneMatch(m -> m.measureId().equals(event.measureId()))) {
            throw new RuleViolation("success-measure-unknown", "Audit " + event.auditId() + " has no success measure '"
                    + event.measureId() + "'" + (measures.isEmpty() ? "; set its measures first." : "; its measures are "
                    + measures.stream().map(SuccessMeasure::measureId).collect(Collectors.joining(", ")) + "."));
        }
        if (event.equals(evaluations.get(event.measureId()))) {
            return false;
        }
        if (event.evidence() == null || event.evidence().isBlank()) {
            throw new RuleViolation("success-measure-evidence-missing", "The evaluation of success measure "
                    + event.measureId() + " needs the evidence for it.");
        }
        if (event.evaluatedOn().isAfter(today)) {
            throw new RuleViolation("date-in-future", "The evaluation date " + event.evaluatedOn() + " is in the future.");
        }
        return true;
    }

    /** A dissemination is recorded once per id; the same id with other details is refused. */
    boolean admits(AuditLearningDisseminated event, LocalDate today) {
        AuditLearningDisseminated before = disseminations.get(event.disseminationId());
        if (event.equals(before)) {
            return false;
        }
        if (before != null) {
            throw new RuleViolation("dissemination-already-recorded", "Dissemination " + event.disseminationId()
                    + " of audit " + event.auditId() + " was already recorded with other details.");
        }
        if (event.sentOn().isAfter(today)) {
            throw new RuleViolation("date-in-future", "The day learning was sent, " + event.sentOn() + ", is in the future.");
        }
        return true;
    }

    /** Closing needs every success measure evaluated and the learning sent out at least once. */
    void requireReadyToClose(String auditId) {
        List<String> unevaluated = measures.stream().map(SuccessMeasure::measureId)
                .filter(id -> !evaluations.containsKey(id)).toList();
        if (!unevaluated.isEmpty()) {
            throw new RuleViolation("success-measures-unevaluated", "Audit " + auditId
                    + " cannot close while success measures are not evaluated: " + String.join(", ", unevaluated)
                    + ". Evaluate each as met, partly met or not met, with its evidence.");
        }
        if (disseminations.isEmpty()) {
            throw new RuleViolation("learning-not-disseminated", "Audit " + auditId
                    + " cannot close before its learning is disseminated: record at least one dissemination "
                    + "(newsletter, multi-agency briefing, training providers, website or other), what was sent, to whom and when.");
        }
    }

    @EventSourcingHandler
    void on(AuditSuccessMeasuresSet event) {
        set = event;
        measures = event.measures();
    }

    @EventSourcingHandler
    void on(AuditSuccessMeasureEvaluated event) {
        evaluations.put(event.measureId(), event);
    }

    @EventSourcingHandler
    void on(AuditLearningDisseminated event) {
        disseminations.put(event.disseminationId(), event);
    }
}
