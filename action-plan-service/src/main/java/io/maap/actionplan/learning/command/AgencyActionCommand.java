package io.maap.actionplan.learning.command;

import io.maap.support.domain.ActorAccess;

/**
 * A command an action's owning agency may send (through its lead officer): it names its actor, and
 * an actor of another agency is refused as if the action did not exist ({@link ActorAccess}).
 */
public interface AgencyActionCommand extends ActionCommand {

    ActorAccess actor();
}
