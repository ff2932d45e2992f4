package io.maap.casereturn.request.command;

import io.maap.casereturn.request.event.Answer;
import io.maap.support.domain.ActorAccess;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/** Submit (or resubmit after a send-back) the agency's return: an answer to every question of the audit tool. */
public record SubmitReturn(
        @TargetAggregateIdentifier String returnRequestId,
        String submittedBy,
        Instant submittedAt,
        String channel,
        List<Answer> answers,
        ActorAccess actor) implements AgencyCommand {

    public SubmitReturn {
        answers = List.copyOf(answers);
    }
}
