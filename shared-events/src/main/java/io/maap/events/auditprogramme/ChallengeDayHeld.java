package io.maap.events.auditprogramme;

import io.maap.events.Nullable;
import io.maap.events.EventType;

import java.time.LocalDate;

/**
 * An audit's challenge day (round table) has been held with auditors, managers and case
 * holders under an independent chair. Sent once per audit, after the analysis. Reaches
 * {@link Milestone#CHALLENGE_DAY}.
 *
 * @param auditId      the audit
 * @param programmeId  the programme that holds it
 * @param heldOn       the day it was held
 * @param chair        the independent chair
 * @param agendaSentOn the day the agenda went out
 * @param override     who accepted a day outside 15 working days of the final submission date, or an agenda
 *                     later than 2 working days before, and why; null when both rules were kept
 */
@EventType(name = "maap.audit.challenge-day-held", version = 1)
public record ChallengeDayHeld(
        String auditId,
        String programmeId,
        LocalDate heldOn,
        String chair,
        LocalDate agendaSentOn,
        @Nullable DeliberateOverride override) implements AuditProgrammeEvent {
}
