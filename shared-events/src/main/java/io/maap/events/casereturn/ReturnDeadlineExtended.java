package io.maap.events.casereturn;

import io.maap.events.EventType;
import io.maap.events.Sensitive;

import java.time.Instant;
import java.time.LocalDate;

/**
 * In exceptional circumstances the partnership gave the agency more time: the due date moved from
 * {@code previousDueDate} to {@code newDueDate}, with the reason and who approved it. Overdue is
 * then judged against the new date.
 */
@EventType(name = "maap.case-return.extended", version = 1)
public record ReturnDeadlineExtended(
        String returnRequestId,
        String auditId,
        String programmeId,
        String caseReference,
        String agency,
        LocalDate previousDueDate,
        LocalDate newDueDate,
        @Sensitive String reason,
        @Sensitive String approvedBy,
        Instant extendedAt) implements CaseReturnEvent {
}
