package io.maap.actionplan.learning.command;

/** A command on an action the audit already has; refused with {@code action-unknown} otherwise. */
public interface ActionCommand {

    String actionId();
}
