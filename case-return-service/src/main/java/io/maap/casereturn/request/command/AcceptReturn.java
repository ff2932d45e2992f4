package io.maap.casereturn.request.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** The partnership accepts the version it quality-assured. */
public record AcceptReturn(
        @TargetAggregateIdentifier String returnRequestId,
        int version,
        String acceptedBy,
        Instant acceptedAt) {
}
