package io.maap.events.casereturn;

import io.maap.events.EventType;
import io.maap.events.Sensitive;

import java.time.Instant;

/**
 * The partnership has quality-assured the agency's return (or nil return) and accepted it as
 * robust and comprehensive. Final: an accepted return cannot be sent back or resubmitted.
 *
 * @param version    the version accepted
 * @param nilReturn  whether the accepted version is a nil return
 * @param acceptedBy the QA coordinator or group member who accepted it
 */
@EventType(name = "maap.case-return.accepted", version = 1)
public record ReturnAccepted(
        String returnRequestId,
        String auditId,
        String programmeId,
        String caseReference,
        String agency,
        int version,
        boolean nilReturn,
        @Sensitive String acceptedBy,
        Instant acceptedAt) implements CaseReturnEvent {
}
