package io.maap.actionplan.learning.command;

import io.maap.support.domain.BoardDecision;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * The Board accepts the proposed closure, recorded as its decision ({@code board}): the action closes
 * on the proposal's evidence.
 */
public record ConfirmActionClosure(
        @TargetAggregateIdentifier String auditId,
        String actionId,
        String confirmedBy,
        LocalDate confirmedOn,
        BoardDecision board) implements ActionCommand {
}
