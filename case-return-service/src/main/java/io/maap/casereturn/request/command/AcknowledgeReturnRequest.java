package io.maap.casereturn.request.command;

import io.maap.support.domain.ActorAccess;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * The agency's SPOC acknowledges the request, says who holds the case and who manages it (or
 * "none"), and may name the auditor at once.
 */
public record AcknowledgeReturnRequest(
        @TargetAggregateIdentifier String returnRequestId,
        String acknowledgedBy,
        Instant acknowledgedAt,
        String caseHolder,
        String lineManager,
        String auditor,
        ActorAccess actor,
        String auditorUserId) implements AgencyCommand {

    /** An acknowledgement naming the auditor (if any) without an account. */
    public AcknowledgeReturnRequest(String returnRequestId, String acknowledgedBy, Instant acknowledgedAt, String caseHolder,
                                    String lineManager, String auditor, ActorAccess actor) {
        this(returnRequestId, acknowledgedBy, acknowledgedAt, caseHolder, lineManager, auditor, actor, null);
    }
}
