package io.maap.events.casereturn;

import io.maap.events.EventType;
import io.maap.events.Sensitive;

import java.time.Instant;

/**
 * The agency responsible has acknowledged an immediate safeguarding concern raised on its case
 * and said what it is doing; the concern is no longer shown as urgent.
 *
 * @param acknowledgedBy who acknowledged it for the agency
 * @param response       the agency's response or assurance
 */
@EventType(name = "maap.safeguarding-concern.acknowledged", version = 1)
public record SafeguardingConcernAcknowledged(
        String returnRequestId,
        String auditId,
        String programmeId,
        String caseReference,
        String agency,
        String concernId,
        @Sensitive String acknowledgedBy,
        Instant acknowledgedAt,
        @Sensitive String response) implements CaseReturnEvent {
}
