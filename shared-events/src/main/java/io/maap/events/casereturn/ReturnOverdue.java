package io.maap.events.casereturn;

import io.maap.events.EventType;

import java.time.LocalDate;

/**
 * The due date passed without a return: the request is overdue from {@code overdueFrom}, the next
 * working day after {@code dueDate}. Sent exactly once per due date: once for the return deadline
 * (again only if an extension moves it and the new date passes too), and once for a resubmission
 * deadline after a send-back. Readers count working days late from {@code dueDate} with the
 * partnership's calendar; on {@code overdueFrom} it is 1.
 *
 * @param resubmission whether the missed date is a resubmission deadline after a send-back
 * @param reminded     whether a reminder had been sent
 */
@EventType(name = "maap.case-return.overdue", version = 1)
public record ReturnOverdue(
        String returnRequestId,
        String auditId,
        String programmeId,
        String caseReference,
        String agency,
        LocalDate dueDate,
        LocalDate overdueFrom,
        boolean resubmission,
        boolean reminded) implements CaseReturnEvent {
}
