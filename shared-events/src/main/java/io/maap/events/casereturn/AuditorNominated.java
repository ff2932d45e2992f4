package io.maap.events.casereturn;

import io.maap.events.EventType;
import io.maap.events.Sensitive;

import java.time.Instant;

/**
 * The agency has named the auditor who will complete its return, and the auditor is independent
 * of the case: neither the case holder nor the line manager with casework responsibility. Sent
 * on each (re)nomination before the return is accepted.
 *
 * @param auditor     the person who audits the case
 * @param caseHolder  the case holder the auditor was checked against
 * @param lineManager the line manager the auditor was checked against
 * @param nominatedBy the SPOC who named the auditor
 */
@EventType(name = "maap.case-return.auditor-nominated", version = 1)
public record AuditorNominated(
        String returnRequestId,
        String auditId,
        String programmeId,
        String caseReference,
        String agency,
        @Sensitive String auditor,
        @Sensitive String caseHolder,
        @Sensitive String lineManager,
        @Sensitive String nominatedBy,
        Instant nominatedAt) implements CaseReturnEvent {
}
