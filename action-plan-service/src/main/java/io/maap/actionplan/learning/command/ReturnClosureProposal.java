package io.maap.actionplan.learning.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** The partnership returns a proposed closure, saying why; the action stays open. */
public record ReturnClosureProposal(
        @TargetAggregateIdentifier String auditId,
        String actionId,
        String reason,
        String returnedBy,
        LocalDate returnedOn) implements ActionCommand {
}
