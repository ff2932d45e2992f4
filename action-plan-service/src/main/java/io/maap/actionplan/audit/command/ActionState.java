package io.maap.actionplan.audit.command;

import io.maap.events.actionplan.ActionAdded;
import io.maap.events.actionplan.ActionClosed;
import io.maap.events.actionplan.ActionProgressReported;
import io.maap.events.actionplan.ActionReopened;
import io.maap.events.actionplan.ActionUpdateRequested;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/** One action as the audit's learning remembers it; changed only by the aggregate's event sourcing handlers. */
final class ActionState {

    final ActionAdded added;
    final Map<String, ActionProgressReported> updates = new HashMap<>();
    ActionClosed closed;
    ActionReopened lastReopened;
    boolean overdueFlagged;
    /** The monitoring round's request this action has not yet answered. */
    ActionUpdateRequested awaited;

    ActionState(ActionAdded added) {
        this.added = added;
    }

    // Value equality lets Axon's test fixture check that event sourcing rebuilds the same state.
    @Override
    public boolean equals(Object other) {
        return other instanceof ActionState that && added.equals(that.added) && updates.equals(that.updates)
                && Objects.equals(closed, that.closed) && Objects.equals(lastReopened, that.lastReopened)
                && overdueFlagged == that.overdueFlagged && Objects.equals(awaited, that.awaited);
    }

    @Override
    public int hashCode() {
        return added.hashCode();
    }

    boolean open() {
        return closed == null;
    }
}
