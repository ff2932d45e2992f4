package io.maap.auditprogramme.audit.command;

import io.maap.events.auditprogramme.AuditClosed;
import io.maap.events.auditprogramme.AuditCommissioned;
import io.maap.events.auditprogramme.AuditLearningDisseminated;
import io.maap.events.auditprogramme.AuditPlanned;
import io.maap.events.auditprogramme.AuditSuccessMeasureEvaluated;
import io.maap.events.auditprogramme.AuditSuccessMeasuresSet;
import io.maap.events.auditprogramme.AuditSuccessMeasuresSet.SuccessMeasure;
import io.maap.support.domain.RuleViolation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * What an audit needs before it can close, beside its evaluation: every success measure set when
 * it was planned judged with evidence (met, partly met, not met), and its learning sent out at
 * least once (seed 000: newsletter, multi-agency briefings, training providers, website). The
 * audit's commands about these, and closing itself, are handled here, under the audit's
 * {@link Lifecycle}.
 */
final class Closure {

    private final Lifecycle lifecycle;
    private String programmeId;
    private boolean disseminationRequired = true;

    private List<SuccessMeasure> measures = List.of();
    private AuditSuccessMeasuresSet set;
    private final Map<String, AuditSuccessMeasureEvaluated> evaluations = new LinkedHashMap<>();
    private final Map<String, AuditLearningDisseminated> disseminations = new LinkedHashMap<>();

    Closure(Lifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    /** Success measures given with the plan are set with it (the plan itself is the audit's). */
    void planned(PlanAudit command) {
        var event = new AuditSuccessMeasuresSet(command.auditId(), command.programmeId(), command.successMeasures(),
                command.plannedBy());
        if (!command.successMeasures().isEmpty() && admits(event)) {
            apply(event);
        }
    }

    @CommandHandler
    void handle(SetSuccessMeasures command) {
        lifecycle.requireOpen("set the success measures of", command.auditId());
        var event = new AuditSuccessMeasuresSet(command.auditId(), programmeId, command.measures(), command.setBy());
        if (admits(event)) {
            apply(event);
        }
    }

    @CommandHandler
    void handle(EvaluateSuccessMeasure command) {
        lifecycle.requireSignedOffAndOpen("evaluate the success measures of", command.auditId());
        var event = new AuditSuccessMeasureEvaluated(command.auditId(), programmeId, command.measureId(), command.outcome(),
                command.evidence(), command.evaluatedOn(), command.evaluatedBy(), command.recordedBy());
        if (admits(event, command.today())) {
            apply(event);
        }
    }

    @CommandHandler
    void handle(RecordDissemination command) {
        lifecycle.requireSignedOffAndOpen("record the dissemination of the learning of", command.auditId());
        var event = new AuditLearningDisseminated(command.auditId(), programmeId, command.disseminationId(),
                command.channel(), command.what(), command.sentTo(), command.sentOn(), command.recordedBy());
        if (admits(event, command.today())) {
            apply(event);
        }
    }

    @CommandHandler
    void handle(CloseAudit command) {
        var event = new AuditClosed(command.auditId(), programmeId, command.closedOn(), command.closedBy(),
                command.evaluation());
        if (lifecycle.admits(AuditStatus.CLOSED, event, command.closedOn(), command.today())) {
            if (command.evaluation() == null || command.evaluation().isBlank()) {
                throw new RuleViolation("evaluation-missing", "An audit is closed with an evaluation of its impact.");
            }
            requireReadyToClose(command.auditId());
            apply(event);
        }
    }

    /** Measures may be set or replaced until the first is evaluated; ids must be unique, descriptions given. */
    private boolean admits(AuditSuccessMeasuresSet event) {
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
    private boolean admits(AuditSuccessMeasureEvaluated event, LocalDate today) {
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
    private boolean admits(AuditLearningDisseminated event, LocalDate today) {
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

    /** Closing needs every measure evaluated and, unless the policy makes it optional, the learning sent once. */
    private void requireReadyToClose(String auditId) {
        List<String> unevaluated = measures.stream().map(SuccessMeasure::measureId)
                .filter(id -> !evaluations.containsKey(id)).toList();
        if (!unevaluated.isEmpty()) {
            throw new RuleViolation("success-measures-unevaluated", "Audit " + auditId
                    + " cannot close while success measures are not evaluated: " + String.join(", ", unevaluated)
                    + ". Evaluate each as met, partly met or not met, with its evidence.");
        }
        if (disseminationRequired && disseminations.isEmpty()) {
            throw new RuleViolation("learning-not-disseminated", "Audit " + auditId
                    + " cannot close before its learning is disseminated: record at least one dissemination "
                    + "(newsletter, multi-agency briefing, training providers, website or other), what was sent, to whom and when.");
        }
    }

    @EventSourcingHandler
    void on(AuditPlanned event) {
        programmeId = event.programmeId();
    }

    @EventSourcingHandler
    void on(AuditCommissioned event) {
        programmeId = event.programmeId();
        disseminationRequired = event.policy() == null || event.policy().requiresDissemination();
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
