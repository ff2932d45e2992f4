package io.maap.actionplan.learning.query;

import io.maap.actionplan.learning.event.AuditRegistered;
import io.maap.actionplan.learning.event.MonitoringRoundScheduled;
import io.maap.actionplan.learning.event.MonitoringRoundsPaused;
import io.maap.actionplan.learning.query.ActionHistoryEntry.Kind;
import io.maap.events.actionplan.ActionAdded;
import io.maap.events.actionplan.ActionClosed;
import io.maap.events.actionplan.ActionClosureProposed;
import io.maap.events.actionplan.ActionClosureReturned;
import io.maap.events.actionplan.ActionOverdue;
import io.maap.events.actionplan.ActionPlanAgreed;
import io.maap.events.actionplan.ActionPlanDisseminated;
import io.maap.events.actionplan.ActionPlanDrafted;
import io.maap.events.actionplan.ActionProgressReported;
import io.maap.events.actionplan.ActionReopened;
import io.maap.events.actionplan.ActionUpdateMissed;
import io.maap.events.actionplan.ActionUpdateRequested;
import io.maap.events.actionplan.FindingAspectRegistered;
import io.maap.events.actionplan.FindingRecorded;
import io.maap.events.actionplan.GoodPracticeRecognised;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

import java.util.function.Consumer;

/**
 * Keeps the service's query model in its own database, from its own events. Replays are safe:
 * rows are keyed by the record's id, history rows by the event's id.
 */
@Component
@ProcessingGroup(LearningProjection.PROCESSING_GROUP)
public class LearningProjection {

    public static final String PROCESSING_GROUP = "action-plan-query";

    private final KnownAudits audits;
    private final Findings findings;
    private final ActionPlans plans;
    private final Actions actions;
    private final ActionHistory history;
    private final RegisteredAspects aspects;

    public LearningProjection(KnownAudits audits, Findings findings, ActionPlans plans, Actions actions,
                              ActionHistory history, RegisteredAspects aspects) {
        this.audits = audits;
        this.findings = findings;
        this.plans = plans;
        this.actions = actions;
        this.history = history;
        this.aspects = aspects;
    }

    @ResetHandler
    void reset() {
        history.deleteAllInBatch();
        actions.deleteAllInBatch();
        plans.deleteAllInBatch();
        findings.deleteAllInBatch();
        aspects.deleteAllInBatch();
        audits.deleteAllInBatch();
    }

    @EventHandler
    void on(AuditRegistered event) {
        audits.save(new KnownAudit(event.auditId(), event.programmeId(), event.title(), event.theme(),
                event.participatingAgencies()));
    }

    @EventHandler
    void on(FindingAspectRegistered event) {
        aspects.save(new RegisteredAspect(event.aspect(), event.label()));
    }

    @EventHandler
    void on(FindingRecorded event) {
        findings.save(new FindingView(event));
    }

    @EventHandler
    void on(GoodPracticeRecognised event) {
        findings.findById(event.auditId() + "/" + event.findingId()).ifPresent(finding -> {
            finding.recognised(event.recognisedBy(), event.recognisedOn());
            findings.save(finding);
        });
    }

    @EventHandler
    void on(ActionPlanDrafted event) {
        plans.save(new ActionPlanView(event));
    }

    @EventHandler
    void on(ActionPlanAgreed event) {
        plan(event.auditId(), event.planId(), plan -> plan.agreed(event.agreedBy(), event.agreedOn(),
                event.monitoringIntervalMonths()));
    }

    @EventHandler
    void on(MonitoringRoundScheduled event) {
        plan(event.auditId(), event.planId(), plan -> plan.nextRound(event.roundOn()));
    }

    @EventHandler
    void on(MonitoringRoundsPaused event) {
        plan(event.auditId(), event.planId(), plan -> plan.nextRound(null));
    }

    @EventHandler
    void on(ActionPlanDisseminated event) {
        plan(event.auditId(), event.planId(), plan -> plan.disseminated(event.disseminatedTo(), event.disseminatedOn()));
    }

    @EventHandler
    void on(ActionAdded event) {
        actions.save(new ActionView(event));
    }

    @EventHandler
    void on(ActionProgressReported event, EventMessage<?> message, @SequenceNumber long sequence) {
        action(event.auditId(), event.actionId(), action -> action.progress(event.rag(), event.reportedOn(), event.roundId()));
        history.save(new ActionHistoryEntry(message.getIdentifier(), event.auditId(), event.actionId(), sequence,
                Kind.PROGRESS_REPORTED, event.reportedOn(), event.rag(), event.note(), event.reportedBy(), event.roundId()));
    }

    @EventHandler
    void on(ActionUpdateRequested event, EventMessage<?> message, @SequenceNumber long sequence) {
        action(event.auditId(), event.actionId(), action -> action.updateRequested(event.roundId()));
        history.save(new ActionHistoryEntry(message.getIdentifier(), event.auditId(), event.actionId(), sequence,
                Kind.UPDATE_REQUESTED, event.requestedOn(), null, "Update due by " + event.updateDueBy(), null,
                event.roundId()));
    }

    @EventHandler
    void on(ActionUpdateMissed event, EventMessage<?> message, @SequenceNumber long sequence) {
        action(event.auditId(), event.actionId(), ActionView::updateMissed);
        history.save(new ActionHistoryEntry(message.getIdentifier(), event.auditId(), event.actionId(), sequence,
                Kind.UPDATE_MISSED, event.updateDueBy().plusDays(1), null, null, null, event.roundId()));
    }

    @EventHandler
    void on(ActionOverdue event, EventMessage<?> message, @SequenceNumber long sequence) {
        action(event.auditId(), event.actionId(), ActionView::overdue);
        history.save(new ActionHistoryEntry(message.getIdentifier(), event.auditId(), event.actionId(), sequence,
                Kind.OVERDUE, event.dueDate().plusDays(1), null, "Due " + event.dueDate(), null, null));
    }

    @EventHandler
    void on(ActionClosed event, EventMessage<?> message, @SequenceNumber long sequence) {
        action(event.auditId(), event.actionId(), action -> action.closed(event.evidenceOfImpact(), event.closedOn()));
        history.save(new ActionHistoryEntry(message.getIdentifier(), event.auditId(), event.actionId(), sequence,
                Kind.CLOSED, event.closedOn(), null, event.evidenceOfImpact(), event.closedBy(), null));
    }

    @EventHandler
    void on(ActionClosureProposed event, EventMessage<?> message, @SequenceNumber long sequence) {
        history.save(new ActionHistoryEntry(message.getIdentifier(), event.auditId(), event.actionId(), sequence,
                Kind.CLOSURE_PROPOSED, event.proposedOn(), null, event.evidenceOfImpact(), event.proposedBy(), null));
    }

    @EventHandler
    void on(ActionClosureReturned event, EventMessage<?> message, @SequenceNumber long sequence) {
        history.save(new ActionHistoryEntry(message.getIdentifier(), event.auditId(), event.actionId(), sequence,
                Kind.CLOSURE_RETURNED, event.returnedOn(), null, event.reason(), event.returnedBy(), null));
    }

    @EventHandler
    void on(ActionReopened event, EventMessage<?> message, @SequenceNumber long sequence) {
        action(event.auditId(), event.actionId(), ActionView::reopened);
        history.save(new ActionHistoryEntry(message.getIdentifier(), event.auditId(), event.actionId(), sequence,
                Kind.REOPENED, event.reopenedOn(), null, event.reason(), event.reopenedBy(), null));
    }

    private void plan(String auditId, String planId, Consumer<ActionPlanView> change) {
        plans.findById(auditId + "/" + planId).ifPresent(plan -> {
            change.accept(plan);
            plans.save(plan);
        });
    }

    private void action(String auditId, String actionId, Consumer<ActionView> change) {
        actions.findById(auditId + "/" + actionId).ifPresent(action -> {
            change.accept(action);
            actions.save(action);
        });
    }
}
