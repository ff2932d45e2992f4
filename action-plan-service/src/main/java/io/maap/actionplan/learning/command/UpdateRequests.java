package io.maap.actionplan.learning.command;

import io.maap.actionplan.learning.command.Deadlines.UpdatesDue;
import io.maap.events.actionplan.ActionAdded;
import io.maap.events.actionplan.ActionClosed;
import io.maap.events.actionplan.ActionProgressReported;
import io.maap.events.actionplan.ActionUpdateMissed;
import io.maap.events.actionplan.ActionUpdateRequested;
import io.maap.support.domain.RuleViolation;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An agreed plan's requests for updates: a round asks the owner of every open action for one, due
 * by a given day. A report answers the request; an update not given by its due date is missed.
 */
final class UpdateRequests {

    private final String planId;
    /** The plan's actions; none are added once it is agreed. */
    private final List<Action> actions;
    private final Set<String> roundIds = new HashSet<>();
    /** Each action's latest request not answered yet, by action id. */
    private final Map<String, ActionUpdateRequested> unanswered = new HashMap<>();

    UpdateRequests(String planId, List<Action> actions) {
        this.planId = planId;
        this.actions = List.copyOf(actions);
    }

    /** A round asked for by hand, e.g. before a Board meeting. */
    void start(StartMonitoringRound command, Deadlines deadlines) {
        if (roundIds.contains(command.roundId())) {
            return; // the round already asked; a retry changes nothing
        }
        if (!command.updateDueBy().isAfter(command.requestedOn())) {
            throw new RuleViolation("update-due-date-invalid", "Updates must be due after the day they are asked for.");
        }
        if (!ask(command.roundId(), command.requestedOn(), command.updateDueBy(), deadlines)) {
            throw new RuleViolation("no-open-actions", "Plan '" + planId + "' has no open action to ask about.");
        }
    }

    /** Asks the owner of every open action for an update; false when no action is open. */
    boolean ask(String roundId, LocalDate requestedOn, LocalDate updateDueBy, Deadlines deadlines) {
        List<ActionAdded> open = actions.stream().filter(Action::open).map(Action::added).toList();
        for (ActionAdded action : open) {
            apply(new ActionUpdateRequested(roundId, action.actionId(), planId, action.auditId(), action.programmeId(),
                    action.owningAgency(), action.lead(), requestedOn, updateDueBy));
        }
        if (!open.isEmpty()) {
            deadlines.updatesDue(planId, roundId, updateDueBy);
        }
        return !open.isEmpty();
    }

    ActionUpdateRequested unansweredBy(String actionId) {
        return unanswered.get(actionId);
    }

    @DeadlineHandler(deadlineName = Deadlines.UPDATES_DUE)
    void onUpdatesDue(UpdatesDue due) {
        for (Action action : actions) {
            ActionAdded added = action.added();
            ActionUpdateRequested request = unanswered.get(added.actionId());
            if (request != null && request.roundId().equals(due.roundId())) {
                apply(new ActionUpdateMissed(due.roundId(), added.actionId(), planId, added.auditId(),
                        added.programmeId(), added.owningAgency(), added.lead(), request.updateDueBy()));
            }
        }
    }

    @EventSourcingHandler
    void on(ActionUpdateRequested event) {
        roundIds.add(event.roundId());
        unanswered.put(event.actionId(), event);
    }

    @EventSourcingHandler
    void on(ActionUpdateMissed event) {
        unanswered.remove(event.actionId());
    }

    @EventSourcingHandler
    void on(ActionProgressReported event) {
        if (event.roundId() != null) {
            unanswered.remove(event.actionId());
        }
    }

    @EventSourcingHandler
    void on(ActionClosed event) {
        unanswered.remove(event.actionId());
    }

    // Value equality lets Axon's test fixture check that event sourcing rebuilds the same state.
    @Override
    public boolean equals(Object other) {
        return other instanceof UpdateRequests that && planId.equals(that.planId) && actions.equals(that.actions)
                && roundIds.equals(that.roundIds) && unanswered.equals(that.unanswered);
    }

    @Override
    public int hashCode() {
        return planId.hashCode();
    }
}
