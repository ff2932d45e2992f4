package io.maap.events.casereturn;

import io.maap.events.EventType;

import java.time.LocalDate;

/**
 * Nothing had arrived from the agency by the reminder day (by default the 10th working day after
 * the tool was sent), so the agency was reminded of its deadline. Sent exactly once per request,
 * on the reminder day, and never once a return or nil return has arrived.
 *
 * @param reminderDate the reminder day
 * @param dueDate      the due date the agency was reminded of
 */
@EventType(name = "maap.case-return.reminder-sent", version = 1)
public record ReturnReminderSent(
        String returnRequestId,
        String auditId,
        String programmeId,
        String caseReference,
        String agency,
        LocalDate reminderDate,
        LocalDate dueDate) implements CaseReturnEvent {
}
