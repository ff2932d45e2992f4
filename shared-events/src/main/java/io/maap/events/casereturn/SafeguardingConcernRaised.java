package io.maap.events.casereturn;

import io.maap.events.EventType;
import io.maap.events.Sensitive;

import io.maap.events.Nullable;

import java.time.Instant;
import java.util.List;

/**
 * While auditing the case, an auditor identified an immediate risk to a child or unsafe practice.
 * Sent at once, never held for the audit report: the agency must respond and give assurance. The
 * concern stays urgent until the agency acknowledges it ({@link SafeguardingConcernAcknowledged}).
 * The summary names no one: the case is identified by its pseudonymised reference.
 *
 * @param concernId  the concern's identifier, unique within the request
 * @param raisedBy   the auditor who raised it
 * @param summary    what the concern is, as the auditor put it
 * @param category   whether it concerns a child, a vulnerable adult or unsafe practice; null when not said
 * @param agenciesToInform the other agencies (codes) to be told and asked for a response and assurance
 *                   (seed 004: "escalated to the respective agencies"); null or empty when none were named
 */
@EventType(name = "maap.safeguarding-concern.raised", version = 1)
public record SafeguardingConcernRaised(
        String returnRequestId,
        String auditId,
        String programmeId,
        String caseReference,
        String agency,
        String concernId,
        @Sensitive String raisedBy,
        Instant raisedAt,
        @Sensitive String summary,
        @Nullable SafeguardingConcernCategory category,
        @Nullable List<String> agenciesToInform) implements CaseReturnEvent {

    public SafeguardingConcernRaised {
        agenciesToInform = agenciesToInform == null ? null : List.copyOf(agenciesToInform);
    }

    /** A concern that names no category and no other agency (as before those were carried). */
    public SafeguardingConcernRaised(String returnRequestId, String auditId, String programmeId, String caseReference,
                                     String agency, String concernId, String raisedBy, Instant raisedAt, String summary) {
        this(returnRequestId, auditId, programmeId, caseReference, agency, concernId, raisedBy, raisedAt, summary, null, null);
    }
}
