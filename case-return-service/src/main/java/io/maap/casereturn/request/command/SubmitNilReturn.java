package io.maap.casereturn.request.command;

import io.maap.support.domain.ActorAccess;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Declare that the agency had no involvement with the case in the period the audit's policy gives a nil return. */
public record SubmitNilReturn(
        @TargetAggregateIdentifier String returnRequestId,
        String submittedBy,
        Instant submittedAt,
        String channel,
        ActorAccess actor) implements AgencyCommand {
}
