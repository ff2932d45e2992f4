package io.maap.events.auditprogramme;

import io.maap.events.Nullable;
import io.maap.events.EventType;

import java.time.LocalDate;

/**
 * The returns of a commissioned audit are closed: the last return is in (or the QA coordinator
 * stops waiting) and analysis can begin. Sent once per audit. Reaches {@link Milestone#RETURNS_CLOSED}.
 *
 * @param auditId           the audit
 * @param programmeId       the programme that holds it; null for an audit commissioned outside a programme plan
 * @param finalSubmissionOn the final submission date, from which the challenge-day window runs
 * @param challengeDayDueBy the last day for the challenge day: the 15th working day after {@code finalSubmissionOn}
 * @param closedBy          who closed the returns
 */
@EventType(name = "maap.audit.returns-closed", version = 1)
public record AuditReturnsClosed(
        String auditId,
        @Nullable String programmeId,
        LocalDate finalSubmissionOn,
        LocalDate challengeDayDueBy,
        String closedBy) implements AuditProgrammeEvent {
}
