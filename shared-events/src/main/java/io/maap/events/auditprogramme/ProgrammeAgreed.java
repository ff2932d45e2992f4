package io.maap.events.auditprogramme;

import io.maap.events.EventType;

import java.time.LocalDate;

/**
 * A partnership's annual multi-agency audit programme has been agreed. Sent once per
 * programme, when it is entered as agreed (e.g. by the LSCB Executive on 22 March 2017); its
 * audits follow as {@link AuditPlanned} events naming the programme.
 *
 * @param programmeId  the partnership's identifier for the programme, e.g. {@code redbridge-2017-18}
 * @param partnership  the safeguarding partnership that runs it
 * @param title        the programme's title as the partnership names it
 * @param periodStart  the first day the programme covers
 * @param periodEnd    the last day the programme covers
 * @param agreedOn     the day it was agreed (Europe/London)
 * @param agreedBy     who agreed it, e.g. "LSCB Executive"
 */
@EventType(name = "maap.programme.agreed", version = 1)
public record ProgrammeAgreed(
        String programmeId,
        String partnership,
        String title,
        LocalDate periodStart,
        LocalDate periodEnd,
        LocalDate agreedOn,
        String agreedBy) implements ProgrammeEvent {
}
