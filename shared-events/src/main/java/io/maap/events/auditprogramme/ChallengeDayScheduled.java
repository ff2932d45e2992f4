package io.maap.events.auditprogramme;

import io.maap.events.Nullable;
import io.maap.events.EventType;

import java.time.LocalDate;

/**
 * An audit's challenge day (round table) has been set, or moved: agencies are told the date
 * with the audit notification. Sent each time the date or chair is set, before the day is held.
 * Sets the planned date of {@link Milestone#CHALLENGE_DAY}.
 *
 * @param auditId        the audit
 * @param programmeId    the programme that holds it
 * @param challengeDayOn the day of the challenge day
 * @param chair          the nominated independent chair; null while not yet nominated
 * @param agendaDueOn    the day the agenda must go out: 2 working days before {@code challengeDayOn}
 * @param latestOn       the last day the rule allows: the 15th working day after the final submission
 *                       date, or after the return deadline while returns are open
 * @param override       who set a day outside the rule, and why; null when the rule is kept
 */
@EventType(name = "maap.audit.challenge-day-scheduled", version = 1)
public record ChallengeDayScheduled(
        String auditId,
        String programmeId,
        LocalDate challengeDayOn,
        @Nullable String chair,
        LocalDate agendaDueOn,
        LocalDate latestOn,
        @Nullable DeliberateOverride override) implements AuditProgrammeEvent {
}
