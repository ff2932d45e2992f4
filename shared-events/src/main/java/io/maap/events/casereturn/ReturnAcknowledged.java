package io.maap.events.casereturn;

import io.maap.events.EventType;
import io.maap.events.Sensitive;

import java.time.Instant;

/**
 * The agency's single point of contact has acknowledged the request and said who holds the case
 * and who manages it, so that the auditor's independence can be checked. Sent once per request,
 * on the first acknowledgement.
 *
 * @param acknowledgedBy the SPOC who acknowledged
 * @param acknowledgedAt when (UTC)
 * @param caseHolder     the practitioner who holds the case in the agency, or "none" when no one does
 * @param lineManager    the line manager with casework responsibility, or "none"
 */
@EventType(name = "maap.case-return.acknowledged", version = 1)
public record ReturnAcknowledged(
        String returnRequestId,
        String auditId,
        String programmeId,
        String caseReference,
        String agency,
        @Sensitive String acknowledgedBy,
        Instant acknowledgedAt,
        @Sensitive String caseHolder,
        @Sensitive String lineManager) implements CaseReturnEvent {
}
