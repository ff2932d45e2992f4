package io.maap.casereturn.request.command;

import io.maap.casereturn.request.event.Answer;
import io.maap.support.domain.ActorAccess;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Submit (or resubmit after a send-back) the agency's return: an answer to every question of the audit tool.
 *
 * @param receivedOn      the day the partnership received a return it enters afterwards (on paper, by
 *                        secure email); null for a return arriving now ({@link ReceivedOn})
 * @param submitterUserId the account (token subject) of the person submitting; null from an agency's system
 */
public record SubmitReturn(
        @TargetAggregateIdentifier String returnRequestId,
        String submittedBy,
        Instant submittedAt,
        String channel,
        List<Answer> answers,
        ActorAccess actor,
        LocalDate receivedOn,
        String submitterUserId) implements AgencyCommand {

    public SubmitReturn {
        answers = List.copyOf(answers);
    }

    /** A return arriving now. */
    public SubmitReturn(String returnRequestId, String submittedBy, Instant submittedAt, String channel, List<Answer> answers,
                        ActorAccess actor) {
        this(returnRequestId, submittedBy, submittedAt, channel, answers, actor, null, null);
    }
}
