package io.maap.events.auditprogramme;

import io.maap.events.EventType;

import java.time.LocalDate;

/**
 * A Section 11 audit has been closed with an evaluation of the process, after at least one
 * monitoring review. Sent once; nothing follows.
 *
 * @param auditId     the Section 11 audit
 * @param programmeId the programme that holds it
 * @param closedOn    the day it was closed
 * @param closedBy    who closed it, e.g. "LSCB Board"
 * @param evaluation  what the process achieved and what to change next time
 */
@EventType(name = "maap.section-11.closed", version = 1)
public record Section11AuditClosed(
        String auditId,
        String programmeId,
        LocalDate closedOn,
        String closedBy,
        String evaluation) implements AuditProgrammeEvent {
}
