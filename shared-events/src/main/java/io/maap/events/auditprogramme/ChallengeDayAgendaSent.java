package io.maap.events.auditprogramme;

import io.maap.events.EventType;
import io.maap.events.Nullable;

import java.time.LocalDate;

/**
 * The agenda of an audit's challenge day has gone out to the participating agencies. Sent each
 * time it is sent (again after the day is moved, or an amended agenda), before the day is held.
 * The agenda is due {@code agendaDueOn}; one sent later carries who decided it and why.
 *
 * @param auditId        the audit
 * @param programmeId    the programme that holds it
 * @param challengeDayOn the challenge day the agenda is for, as scheduled when it was sent
 * @param sentOn         the business day it went out (not after the challenge day)
 * @param sentBy         who sent it (the QA coordinator or the audit's lead)
 * @param agendaDueOn    the day it was due: by default 2 working days before {@code challengeDayOn}
 * @param override       who accepted an agenda later than {@code agendaDueOn}, and why; null when on time
 */
@EventType(name = "maap.audit.challenge-day-agenda-sent", version = 1)
public record ChallengeDayAgendaSent(
        String auditId,
        String programmeId,
        LocalDate challengeDayOn,
        LocalDate sentOn,
        String sentBy,
        LocalDate agendaDueOn,
        @Nullable DeliberateOverride override) implements AuditProgrammeEvent {
}
