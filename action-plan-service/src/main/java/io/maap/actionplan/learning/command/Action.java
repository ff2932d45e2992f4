package io.maap.actionplan.learning.command;

import io.maap.actionplan.learning.command.Deadlines.ActionDue;
import io.maap.events.actionplan.ActionAdded;
import io.maap.events.actionplan.ActionClosed;
import io.maap.events.actionplan.ActionClosureProposed;
import io.maap.events.actionplan.ActionClosureReturned;
import io.maap.events.actionplan.ActionOverdue;
import io.maap.events.actionplan.ActionProgressReported;
import io.maap.events.actionplan.ActionReopened;
import io.maap.events.actionplan.ActionUpdateRequested;
import io.maap.support.domain.RuleViolation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.EntityId;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One action of a plan: its progress reports, its overdue flag, its closure with evidence of impact
 * (proposed by its agency, then confirmed or returned: {@link ClosureProposals}) and its reopening.
 * Progress and closure are accepted once the Board has agreed its plan.
 */
final class Action {

    @EntityId
    private final String actionId;
    private final ActionAdded added;
    /** Asked whether it is agreed and which round awaits this action's update; not part of equality. */
    private final ActionPlan plan;
    private final Map<String, ActionProgressReported> updates = new HashMap<>();
    private ActionClosed closed;
    private ActionReopened lastReopened;
    private ActionClosureProposed proposal;
    private ActionClosureReturned lastReturned;
    private boolean overdueFlagged;

    Action(ActionAdded added, ActionPlan plan) {
        this.actionId = added.actionId();
        this.added = added;
        this.plan = plan;
    }

    @CommandHandler
    void handle(ReportProgress command) {
        ActionProgressReported earlier = updates.get(command.updateId());
        if (earlier != null) {
            if (earlier.rag() == command.rag() && earlier.note().equals(command.note())) {
                return;
            }
            throw new RuleViolation("update-id-taken", "Update '" + command.updateId() + "' was already reported with "
                    + "other content; progress updates are never changed, report a new one.");
        }
        requireMonitored("report progress on");
        // A report dated before the round asked for one (entered late) does not answer that round.
        ActionUpdateRequested awaited = plan.unansweredRequestTo(actionId);
        String answersRound = awaited != null && !command.reportedOn().isBefore(awaited.requestedOn())
                ? awaited.roundId() : null;
        apply(new ActionProgressReported(command.updateId(), actionId, added.planId(), added.auditId(),
                added.programmeId(), added.owningAgency(), command.rag(), command.note(), command.reportedBy(),
                command.reportedOn(), answersRound));
    }

    @CommandHandler
    void handle(ProposeActionClosure command) {
        if (!ClosureProposals.isRepeat(proposal, command)) {
            requireMonitored("propose closing");
            apply(ClosureProposals.proposed(added, command));
        }
    }

    @CommandHandler
    void handle(ConfirmActionClosure command) {
        if (!open() && closed.closedBy().equals(command.confirmedBy()) && closed.closedOn().equals(command.confirmedOn())) {
            return;
        }
        requireMonitored("close");
        apply(ClosureProposals.confirmed(added, proposal, command, command.board().requireMeeting()));
    }

    @CommandHandler
    void handle(ReturnClosureProposal command) {
        java.util.Optional.ofNullable(ClosureProposals.returned(added, proposal, lastReturned, command))
                .ifPresent(returned -> apply(returned));
    }

    @CommandHandler
    void handle(CloseAction command) {
        ClosureProposals.requireEvidence(command.evidenceOfImpact());
        if (!open()) {
            if (closed.evidenceOfImpact().equals(command.evidenceOfImpact())) {
                return;
            }
            throw new RuleViolation("action-already-closed", "Action '" + actionId + "' is already closed.");
        }
        requireMonitored("close");
        apply(new ActionClosed(actionId, added.planId(), added.auditId(), added.programmeId(), added.owningAgency(),
                command.evidenceOfImpact(), command.closedBy(), command.closedOn(), added.dueDate(),
                command.board().requireMeeting()));
    }

    @CommandHandler
    void handle(ReopenAction command, DeadlineManager deadlineManager) {
        if (command.reason() == null || command.reason().isBlank()) {
            throw new RuleViolation("reopen-reason-required", "Say why the action's closure no longer stands.");
        }
        if (open()) {
            if (lastReopened != null && lastReopened.reason().equals(command.reason())) {
                return;
            }
            throw new RuleViolation("action-not-closed", "Action '" + actionId + "' is open.");
        }
        apply(new ActionReopened(actionId, added.planId(), added.auditId(), added.programmeId(), added.owningAgency(),
                command.reason(), command.reopenedBy(), command.reopenedOn()));
        Deadlines deadlines = Deadlines.using(deadlineManager);
        if (!overdueFlagged && command.reopenedOn().isAfter(added.dueDate())) {
            deadlines.overdueCheckOn(actionId, command.reopenedOn());
        }
        plan.actionReopened(command.reopenedOn(), deadlines);
    }

    @DeadlineHandler(deadlineName = Deadlines.ACTION_OVERDUE)
    void onDue(ActionDue due) {
        if (open() && !overdueFlagged) {
            apply(new ActionOverdue(actionId, added.planId(), added.auditId(), added.programmeId(),
                    added.owningAgency(), added.lead(), added.dueDate()));
        }
    }

    private void requireMonitored(String what) {
        if (!open()) {
            throw new RuleViolation("action-closed", "Action '" + actionId + "' is closed: reopen it with a reason first.");
        }
        if (!plan.agreed()) {
            throw new RuleViolation("action-plan-not-agreed", "You can " + what + " an action once the Board has "
                    + "agreed its plan '" + added.planId() + "'.");
        }
    }

    ActionAdded added() {
        return added;
    }

    boolean open() {
        return closed == null;
    }

    @EventSourcingHandler
    void on(ActionProgressReported event) {
        updates.put(event.updateId(), event);
    }

    @EventSourcingHandler
    void on(ActionOverdue event) {
        overdueFlagged = true;
    }

    @EventSourcingHandler
    void on(ActionClosureProposed event) {
        proposal = event;
    }

    @EventSourcingHandler
    void on(ActionClosureReturned event) {
        proposal = null;
        lastReturned = event;
    }

    @EventSourcingHandler
    void on(ActionClosed event) {
        closed = event;
        proposal = null;
    }

    @EventSourcingHandler
    void on(ActionReopened event) {
        closed = null;
        lastReopened = event;
    }

    // Value equality lets Axon's test fixture check that event sourcing rebuilds the same state.
    @Override
    public boolean equals(Object other) {
        return other instanceof Action that && added.equals(that.added) && updates.equals(that.updates)
                && Objects.equals(closed, that.closed) && Objects.equals(lastReopened, that.lastReopened)
                && Objects.equals(proposal, that.proposal) && Objects.equals(lastReturned, that.lastReturned)
                && overdueFlagged == that.overdueFlagged;
    }

    @Override
    public int hashCode() {
        return actionId.hashCode();
    }
}
