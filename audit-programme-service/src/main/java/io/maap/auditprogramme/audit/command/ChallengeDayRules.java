package io.maap.auditprogramme.audit.command;

import io.maap.events.auditprogramme.ChallengeDayScheduled;
import io.maap.events.auditprogramme.DeliberateOverride;
import io.maap.support.calendar.WorkingDayCalendar;
import io.maap.support.domain.RuleViolation;

import java.time.LocalDate;

/**
 * The rules of time around a challenge day (seed 001): a working day within 15 working days of
 * the final submission date, with its agenda out 2 working days before. Setting either aside
 * needs who decided it and why.
 */
final class ChallengeDayRules {

    static final int WINDOW_WORKING_DAYS = 15;
    static final int AGENDA_WORKING_DAYS_BEFORE = 2;

    private final WorkingDayCalendar calendar;

    ChallengeDayRules(WorkingDayCalendar calendar) {
        this.calendar = calendar;
    }

    LocalDate latest(LocalDate windowStart) {
        return calendar.addWorkingDays(windowStart, WINDOW_WORKING_DAYS);
    }

    LocalDate agendaDue(LocalDate challengeDay) {
        return calendar.subtractWorkingDays(challengeDay, AGENDA_WORKING_DAYS_BEFORE);
    }

    /**
     * The challenge day {@code command} schedules, its window counted from the final submission
     * date or, while returns are open ({@code finalSubmissionOn} null), from the return deadline.
     */
    ChallengeDayScheduled scheduled(ScheduleChallengeDay command, String programmeId, LocalDate returnDeadline,
                                    LocalDate finalSubmissionOn) {
        LocalDate day = command.challengeDayOn();
        LocalDate windowStart = finalSubmissionOn != null ? finalSubmissionOn : returnDeadline;
        checkScheduled(day, windowStart, finalSubmissionOn != null ? "final submission date" : "return deadline",
                command.override());
        return new ChallengeDayScheduled(command.auditId(), programmeId, day, command.chair(), agendaDue(day),
                latest(windowStart), command.override());
    }

    private void checkScheduled(LocalDate day, LocalDate windowStart, String windowStartName, DeliberateOverride override) {
        if (!calendar.isWorkingDay(day)) {
            throw new RuleViolation("challenge-day-not-working-day", "The challenge day " + day + " is not a working day.");
        }
        if (!day.isAfter(windowStart)) {
            throw new RuleViolation("challenge-day-too-early",
                    "The challenge day must come after the " + windowStartName + " " + windowStart + ".");
        }
        requireExplained(override);
        LocalDate latest = latest(windowStart);
        if (day.isAfter(latest) && override == null) {
            throw new RuleViolation("challenge-day-too-late", "The challenge day must fall within " + WINDOW_WORKING_DAYS
                    + " working days of " + windowStart + ", by " + latest + "; a later day needs who decided it and why.");
        }
    }

    void checkHeld(LocalDate heldOn, LocalDate agendaSentOn, LocalDate finalSubmissionOn, DeliberateOverride override) {
        requireExplained(override);
        if (!heldOn.isAfter(finalSubmissionOn)) {
            throw new RuleViolation("challenge-day-too-early",
                    "The challenge day must come after the final submission date " + finalSubmissionOn + ".");
        }
        LocalDate latest = latest(finalSubmissionOn);
        if (heldOn.isAfter(latest) && override == null) {
            throw new RuleViolation("challenge-day-too-late", "The challenge day must fall within " + WINDOW_WORKING_DAYS
                    + " working days of the final submission date " + finalSubmissionOn + ", by " + latest
                    + "; a later day needs who decided it and why.");
        }
        if (agendaSentOn.isAfter(heldOn)) {
            throw new RuleViolation("agenda-after-challenge-day", "The agenda cannot go out after the challenge day.");
        }
        LocalDate agendaDue = agendaDue(heldOn);
        if (agendaSentOn.isAfter(agendaDue) && override == null) {
            throw new RuleViolation("agenda-late", "The agenda must go out " + AGENDA_WORKING_DAYS_BEFORE
                    + " working days before the challenge day, by " + agendaDue + "; a later agenda needs who decided it and why.");
        }
    }

    static void requireExplained(DeliberateOverride override) {
        if (override != null && (override.decidedBy() == null || override.decidedBy().isBlank()
                || override.reason() == null || override.reason().isBlank())) {
            throw new RuleViolation("override-unexplained", "A deliberate override needs who decided it and why.");
        }
    }
}
