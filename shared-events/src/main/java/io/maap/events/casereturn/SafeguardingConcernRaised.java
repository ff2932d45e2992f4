package io.maap.events.casereturn;

import io.maap.events.EventType;

import java.time.Instant;

/**
 * While auditing the case, an auditor identified an immediate risk to a child or unsafe practice.
 * Sent at once, never held for the audit report: the agency must respond and give assurance. The
 * concern stays urgent until the agency acknowledges it ({@link SafeguardingConcernAcknowledged}).
 * The summary names no one: the case is identified by its pseudonymised reference.
 *
 * @param concernId  the concern's identifier, unique within the request
 * @param raisedBy   the auditor who raised it
 * @param summary    what the concern is, as the auditor put it
 */
@EventType(name = "maap.safeguarding-concern.raised", version = 1)
public record SafeguardingConcernRaised(
        String returnRequestId,
        String auditId,
        String programmeId,
        String caseReference,
        String agency,
        String concernId,
        String raisedBy,
        Instant raisedAt,
        String summary) implements CaseReturnEvent {
}
