package io.maap.casereturn.request.command;

import io.maap.support.domain.ActorAccess;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** The agency acknowledges a safeguarding concern raised on its case and gives its response. */
public record AcknowledgeSafeguardingConcern(
        @TargetAggregateIdentifier String returnRequestId,
        String concernId,
        String acknowledgedBy,
        Instant acknowledgedAt,
        String response,
        ActorAccess actor) implements AgencyCommand {
}
