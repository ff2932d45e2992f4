package io.maap.actionplan.learning.command;

import io.maap.support.domain.BoardDecision;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Close an action, the partnership's decision recorded as the Board's ({@code board}); only with
 * evidence of its impact.
 */
public record CloseAction(
        @TargetAggregateIdentifier String auditId,
        String actionId,
        String evidenceOfImpact,
        String closedBy,
        LocalDate closedOn,
        BoardDecision board) implements ActionCommand {

    /** Recorded by a Board member. */
    public CloseAction(String auditId, String actionId, String evidenceOfImpact, String closedBy, LocalDate closedOn) {
        this(auditId, actionId, evidenceOfImpact, closedBy, closedOn, new BoardDecision(true, null));
    }
}
