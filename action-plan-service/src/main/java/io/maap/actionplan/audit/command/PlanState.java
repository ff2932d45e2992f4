package io.maap.actionplan.audit.command;

import io.maap.events.actionplan.ActionPlanAgreed;
import io.maap.events.actionplan.ActionPlanDisseminated;
import io.maap.events.actionplan.ActionPlanDrafted;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** One action plan as the audit's learning remembers it; changed only by the aggregate's event sourcing handlers. */
final class PlanState {

    final ActionPlanDrafted drafted;
    ActionPlanAgreed agreed;
    ActionPlanDisseminated disseminated;
    final List<String> actionIds = new ArrayList<>();
    final Set<String> roundIds = new HashSet<>();
    int lastScheduledRound;
    boolean roundsPaused;

    PlanState(ActionPlanDrafted drafted) {
        this.drafted = drafted;
    }

    String planId() {
        return drafted.planId();
    }

    // Value equality lets Axon's test fixture check that event sourcing rebuilds the same state.
    @Override
    public boolean equals(Object other) {
        return other instanceof PlanState that && drafted.equals(that.drafted) && Objects.equals(agreed, that.agreed)
                && Objects.equals(disseminated, that.disseminated) && actionIds.equals(that.actionIds)
                && roundIds.equals(that.roundIds) && lastScheduledRound == that.lastScheduledRound
                && roundsPaused == that.roundsPaused;
    }

    @Override
    public int hashCode() {
        return drafted.hashCode();
    }

    static String automaticRoundId(String planId, int roundNumber) {
        return planId + "-q" + roundNumber;
    }
}
