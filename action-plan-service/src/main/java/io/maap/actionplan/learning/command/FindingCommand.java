package io.maap.actionplan.learning.command;

/** A command on a finding the audit already has; refused with {@code finding-unknown} otherwise. */
public interface FindingCommand {

    String findingId();
}
