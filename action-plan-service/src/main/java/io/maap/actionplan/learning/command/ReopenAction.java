package io.maap.actionplan.learning.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Reopen a closed action, saying why its closure no longer stands. */
public record ReopenAction(
        @TargetAggregateIdentifier String auditId,
        String actionId,
        String reason,
        String reopenedBy,
        LocalDate reopenedOn) implements ActionCommand {
}
