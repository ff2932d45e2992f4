package io.maap.events.auditprogramme;

import io.maap.events.EventType;

import java.time.LocalDate;

/**
 * An audit has been closed after monitoring, with an evaluation of its impact and of the
 * process. Sent once per audit; nothing follows. Reaches {@link Milestone#CLOSED}.
 *
 * @param auditId     the audit
 * @param programmeId the programme that holds it
 * @param closedOn    the day it was closed
 * @param closedBy    who closed it, e.g. "QA Sub-Group"
 * @param evaluation  what the audit changed and what the process taught, in brief
 */
@EventType(name = "maap.audit.closed", version = 1)
public record AuditClosed(
        String auditId,
        String programmeId,
        LocalDate closedOn,
        String closedBy,
        String evaluation) implements AuditProgrammeEvent {
}
