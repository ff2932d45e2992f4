package io.maap.casereturn.request.command;

import io.maap.support.domain.ActorAccess;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Declare that the agency had no involvement with the case in the period the audit's policy gives a nil return.
 *
 * @param receivedOn the day the partnership received a nil return it enters afterwards; null for one arriving now
 */
public record SubmitNilReturn(
        @TargetAggregateIdentifier String returnRequestId,
        String submittedBy,
        Instant submittedAt,
        String channel,
        ActorAccess actor,
        LocalDate receivedOn) implements AgencyCommand {

    /** A nil return arriving now. */
    public SubmitNilReturn(String returnRequestId, String submittedBy, Instant submittedAt, String channel, ActorAccess actor) {
        this(returnRequestId, submittedBy, submittedAt, channel, actor, null);
    }
}
