package io.maap.actionplan.learning.command;

/** A command on a plan the audit already has; refused with {@code action-plan-unknown} otherwise. */
public interface PlanCommand {

    String planId();
}
