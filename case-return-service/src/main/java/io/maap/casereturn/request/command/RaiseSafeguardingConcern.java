package io.maap.casereturn.request.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** An auditor escalates an immediate safeguarding concern found while auditing the case. */
public record RaiseSafeguardingConcern(
        @TargetAggregateIdentifier String returnRequestId,
        String concernId,
        String raisedBy,
        Instant raisedAt,
        String summary) {
}
