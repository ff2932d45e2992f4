package io.maap.casereturn.request.command;

import io.maap.support.domain.ActorAccess;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Name (or change) the independent auditor of the agency's return.
 *
 * @param auditorUserId the auditor's account (the subject of their token) when they have one; null for a name alone
 */
public record NominateAuditor(
        @TargetAggregateIdentifier String returnRequestId,
        String auditor,
        String nominatedBy,
        Instant nominatedAt,
        ActorAccess actor,
        String auditorUserId) implements AgencyCommand {

    /** An auditor named without an account. */
    public NominateAuditor(String returnRequestId, String auditor, String nominatedBy, Instant nominatedAt, ActorAccess actor) {
        this(returnRequestId, auditor, nominatedBy, nominatedAt, actor, null);
    }
}
