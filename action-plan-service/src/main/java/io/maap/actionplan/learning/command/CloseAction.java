package io.maap.actionplan.learning.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Close an action; only with evidence of its impact. */
public record CloseAction(
        @TargetAggregateIdentifier String auditId,
        String actionId,
        String evidenceOfImpact,
        String closedBy,
        LocalDate closedOn) implements ActionCommand {
}
