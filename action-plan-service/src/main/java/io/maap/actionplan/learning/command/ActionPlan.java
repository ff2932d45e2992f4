package io.maap.actionplan.learning.command;

import io.maap.events.actionplan.ActionPlanAgreed;
import io.maap.events.actionplan.ActionPlanDisseminated;
import io.maap.events.actionplan.ActionPlanDrafted;
import io.maap.events.actionplan.ActionUpdateRequested;
import io.maap.support.domain.RuleViolation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.EntityId;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One action plan of the audit, the audit's own or one agency's (Section 11): actions are added
 * while it is a draft, the Board agrees it, it is disseminated; from its agreement its
 * {@link MonitoringRounds} and rounds asked for by hand send {@link UpdateRequests} to its open actions.
 */
final class ActionPlan {

    @EntityId
    private final String planId;
    private final ActionPlanDrafted drafted;
    /** The same instances the aggregate holds by id, in the order they were added. */
    private final List<Action> actions = new ArrayList<>();
    private ActionPlanAgreed agreed;
    private ActionPlanDisseminated disseminated;
    @AggregateMember
    private UpdateRequests requests;
    @AggregateMember
    private MonitoringRounds rounds;

    ActionPlan(ActionPlanDrafted drafted) {
        this.planId = drafted.planId();
        this.drafted = drafted;
    }

    @CommandHandler
    void handle(AgreeActionPlan command, DeadlineManager deadlines) {
        if (agreed != null) {
            if (agreed.agreedOn().equals(command.agreedOn()) && agreed.agreedBy().equals(command.agreedBy())) {
                return;
            }
            throw new RuleViolation("action-plan-already-agreed", "Plan '" + planId + "' was already agreed on "
                    + agreed.agreedOn() + ".");
        }
        if (actions.isEmpty()) {
            throw new RuleViolation("action-plan-empty", "A plan needs at least one action before the Board agrees it.");
        }
        int interval = command.monitoringIntervalMonths();
        if (interval < 1 || interval > 12) {
            throw new RuleViolation("monitoring-interval-invalid", "Monitoring rounds must fall every 1 to 12 months.");
        }
        String meeting = command.board().requireMeeting();
        apply(new ActionPlanAgreed(planId, drafted.auditId(), drafted.programmeId(), drafted.agency(), actions.size(),
                command.agreedBy(), command.agreedOn(), interval, command.agreedOn().plusMonths(interval), meeting));
        rounds.scheduleFirst(Deadlines.using(deadlines));
    }

    @CommandHandler
    void handle(DisseminateActionPlan command) {
        requireAgreed("Plan '" + planId + "' must be agreed by the Board before it is disseminated.");
        if (disseminated != null) {
            return; // disseminated once; a retry changes nothing
        }
        apply(new ActionPlanDisseminated(planId, drafted.auditId(), drafted.programmeId(), drafted.agency(),
                command.disseminatedTo(), command.disseminatedBy(), command.disseminatedOn()));
    }

    @CommandHandler
    void handle(StartMonitoringRound command, DeadlineManager deadlines) {
        requireAgreed("Only an agreed plan is monitored.");
        requests.start(command, Deadlines.using(deadlines));
    }

    /** Actions are added while the plan is a draft; an agency's own plan holds only that agency's actions. */
    void requireOpenTo(String owningAgency) {
        if (agreed != null) {
            throw new RuleViolation("action-plan-already-agreed",
                    "Plan '" + planId + "' was agreed by the Board; actions are added while it is a draft.");
        }
        if (drafted.agency() != null && !drafted.agency().equals(owningAgency)) {
            throw new RuleViolation("action-owner-outside-plan", "Plan '" + planId + "' is " + drafted.agency()
                    + "'s own plan; its actions are owned by " + drafted.agency() + ".");
        }
    }

    /** A reopened action restarts rounds that had paused for want of open actions. */
    void actionReopened(LocalDate reopenedOn, Deadlines deadlines) {
        rounds.resumeIfPaused(reopenedOn, deadlines);
    }

    private void requireAgreed(String message) {
        if (agreed == null) {
            throw new RuleViolation("action-plan-not-agreed", message);
        }
    }

    boolean agreed() {
        return agreed != null;
    }

    /** The monitoring round's request the action has not answered yet, if any. */
    ActionUpdateRequested unansweredRequestTo(String actionId) {
        return requests == null ? null : requests.unansweredBy(actionId);
    }

    ActionPlanDrafted drafted() {
        return drafted;
    }

    void add(Action action) {
        actions.add(action);
    }

    @EventSourcingHandler
    void on(ActionPlanAgreed event) {
        agreed = event;
        requests = new UpdateRequests(planId, actions);
        rounds = new MonitoringRounds(event, requests);
    }

    @EventSourcingHandler
    void on(ActionPlanDisseminated event) {
        disseminated = event;
    }

    // Value equality lets Axon's test fixture check that event sourcing rebuilds the same state.
    @Override
    public boolean equals(Object other) {
        return other instanceof ActionPlan that && drafted.equals(that.drafted) && actions.equals(that.actions)
                && Objects.equals(agreed, that.agreed) && Objects.equals(disseminated, that.disseminated)
                && Objects.equals(requests, that.requests) && Objects.equals(rounds, that.rounds);
    }

    @Override
    public int hashCode() {
        return planId.hashCode();
    }
}
