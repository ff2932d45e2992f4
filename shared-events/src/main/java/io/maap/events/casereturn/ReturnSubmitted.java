package io.maap.events.casereturn;

import io.maap.events.EventType;
import io.maap.events.Sensitive;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The agency has submitted (or, after a send-back, resubmitted) its return on the case, answering
 * every question of the audit tool. The answers themselves stay in case-return-service, which
 * keeps every version and serves it to authorised readers; this event says that a version exists,
 * when it came and how late it was, and carries the grades, which hold no free text.
 *
 * @param version         1 for the first submission, then 2, 3... after each send-back
 * @param submittedBy     the person who submitted
 * @param auditor         the nominated auditor who completed it
 * @param submittedAt     when it arrived (UTC)
 * @param submittedOn     the day it arrived (Europe/London)
 * @param dueDate         the due date in force: the return deadline, or the resubmission deadline after a send-back
 * @param workingDaysLate working days after {@code dueDate}; 0 when on time
 * @param channel         {@code api} (the web form or REST) or {@code kafka} (the agency's own system)
 * @param grades          the grade given per graded question, by question id
 */
@EventType(name = "maap.case-return.submitted", version = 1)
public record ReturnSubmitted(
        String returnRequestId,
        String auditId,
        String programmeId,
        String caseReference,
        String agency,
        int version,
        @Sensitive String submittedBy,
        @Sensitive String auditor,
        Instant submittedAt,
        LocalDate submittedOn,
        LocalDate dueDate,
        int workingDaysLate,
        String channel,
        List<Grade> grades) implements CaseReturnEvent {

    public ReturnSubmitted {
        grades = List.copyOf(grades);
    }

    /** The grade an auditor gave on one graded question, e.g. "good" or "requires improvement". */
    public record Grade(String questionId, String grade) {
    }
}
