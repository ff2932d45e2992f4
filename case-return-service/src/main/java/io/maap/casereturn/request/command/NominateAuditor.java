package io.maap.casereturn.request.command;

import io.maap.support.domain.ActorAccess;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Name (or change) the independent auditor of the agency's return. */
public record NominateAuditor(
        @TargetAggregateIdentifier String returnRequestId,
        String auditor,
        String nominatedBy,
        Instant nominatedAt,
        ActorAccess actor) implements AgencyCommand {
}
