package io.maap.events.casereturn;

import io.maap.events.EventType;
import io.maap.events.Sensitive;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The agency has declared that it had no involvement with the child, sibling group or
 * parents/carers during the twelve months before the audit, so it has nothing to return on
 * the case. A nil return completes the agency's part like a return does and is quality-assured
 * the same way.
 *
 * @param version              numbered with the request's returns
 * @param noInvolvementFrom    the first day of the period declared (twelve months before {@code noInvolvementTo})
 * @param noInvolvementTo      the day the tool was sent
 * @param workingDaysLate      working days after {@code dueDate}; 0 when on time
 */
@EventType(name = "maap.case-return.nil-return-submitted", version = 1)
public record NilReturnSubmitted(
        String returnRequestId,
        String auditId,
        String programmeId,
        String caseReference,
        String agency,
        int version,
        @Sensitive String submittedBy,
        Instant submittedAt,
        LocalDate submittedOn,
        LocalDate dueDate,
        int workingDaysLate,
        String channel,
        LocalDate noInvolvementFrom,
        LocalDate noInvolvementTo) implements CaseReturnEvent {
}
