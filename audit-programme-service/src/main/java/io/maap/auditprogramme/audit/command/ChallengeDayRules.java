package io.maap.auditprogramme.audit.command;

import io.maap.events.auditprogramme.AuditCommissioned;
import io.maap.events.auditprogramme.ChallengeDayAgendaSent;
import io.maap.events.auditprogramme.ChallengeDayScheduled;
import io.maap.events.auditprogramme.DeliberateOverride;
import io.maap.support.calendar.WorkingDayCalendar;
import io.maap.support.domain.RuleViolation;

import java.time.LocalDate;

/**
 * The rules of time around a challenge day (seed 001), as the audit's policy sets them: a working
 * day within (by default) 15 working days of the final submission date, with its agenda out 2
 * working days before. Setting either aside needs who decided it and why; a policy may instead
 * refuse a later day outright.
 */
final class ChallengeDayRules {

    private final WorkingDayCalendar calendar;
    private final int windowWorkingDays;
    private final int agendaWorkingDaysBefore;
    private final boolean laterDayRefused;

    ChallengeDayRules(WorkingDayCalendar calendar) {
        this(calendar, (AuditCommissioned) null);
    }

    /** The rules of the policy {@code commissioned} was commissioned under (the defaults without one). */
    ChallengeDayRules(WorkingDayCalendar calendar, AuditCommissioned commissioned) {
        AuditCommissioned.Policy policy = commissioned == null || commissioned.policy() == null
                ? PartnershipPolicy.DEFAULT.recorded() : commissioned.policy();
        this.calendar = calendar.forNation(policy.calendarNation());
        this.windowWorkingDays = policy.challengeDayWindowWorkingDays();
        this.agendaWorkingDaysBefore = policy.agendaWorkingDaysBefore();
        this.laterDayRefused = policy.laterChallengeDayRefused();
    }

    LocalDate latest(LocalDate windowStart) {
        return calendar.addWorkingDays(windowStart, windowWorkingDays);
    }

    LocalDate agendaDue(LocalDate challengeDay) {
        return calendar.subtractWorkingDays(challengeDay, agendaWorkingDaysBefore);
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
        if (day.isAfter(latest) && (override == null || laterDayRefused)) {
            throw new RuleViolation("challenge-day-too-late", "The challenge day must fall within " + windowWorkingDays
                    + " working days of " + windowStart + ", by " + latest + laterDay());
        }
    }

    /**
     * The agenda of the challenge day {@code scheduled} sent on {@code command.sentOn()}: not in the
     * future, not after the day itself, and by its due day unless an override says who accepted a
     * later one and why (a late agenda is still better than none, as holding the day allows).
     */
    static ChallengeDayAgendaSent agendaSent(SendChallengeDayAgenda command, String programmeId,
                                             ChallengeDayScheduled scheduled) {
        if (scheduled == null) {
            throw new RuleViolation("challenge-day-not-scheduled", "Audit " + command.auditId()
                    + " has no challenge day scheduled; schedule it before sending its agenda.");
        }
        requireExplained(command.override());
        LocalDate sentOn = command.sentOn();
        if (sentOn.isAfter(command.today())) {
            throw new RuleViolation("date-in-future", "The day the agenda was sent " + sentOn
                    + " is in the future; record it once it went out.");
        }
        if (sentOn.isAfter(scheduled.challengeDayOn())) {
            throw new RuleViolation("agenda-after-challenge-day", "The agenda cannot go out after the challenge day "
                    + scheduled.challengeDayOn() + ".");
        }
        if (sentOn.isAfter(scheduled.agendaDueOn()) && command.override() == null) {
            throw new RuleViolation("agenda-late", "The agenda was due by " + scheduled.agendaDueOn()
                    + "; a later agenda needs who decided it and why.");
        }
        return new ChallengeDayAgendaSent(command.auditId(), programmeId, scheduled.challengeDayOn(), sentOn,
                command.sentBy(), scheduled.agendaDueOn(), command.override());
    }

    /**
     * The day the held challenge day's agenda went out: as the command gives it, else as recorded for
     * that same day by {@link #agendaSent}; null when neither is known ({@link #checkHeld} refuses it).
     */
    static LocalDate agendaSentOn(HoldChallengeDay command, ChallengeDayAgendaSent recorded) {
        if (command.agendaSentOn() != null) {
            return command.agendaSentOn();
        }
        return recorded != null && recorded.challengeDayOn().equals(command.heldOn()) ? recorded.sentOn() : null;
    }

    void checkHeld(LocalDate heldOn, LocalDate agendaSentOn, LocalDate finalSubmissionOn, DeliberateOverride override) {
        requireExplained(override);
        if (agendaSentOn == null) {
            throw new RuleViolation("agenda-not-recorded", "No agenda is recorded as sent for a challenge day on " + heldOn
                    + "; give agendaSentOn, the day the agenda went out.");
        }
        if (!heldOn.isAfter(finalSubmissionOn)) {
            throw new RuleViolation("challenge-day-too-early",
                    "The challenge day must come after the final submission date " + finalSubmissionOn + ".");
        }
        LocalDate latest = latest(finalSubmissionOn);
        if (heldOn.isAfter(latest) && (override == null || laterDayRefused)) {
            throw new RuleViolation("challenge-day-too-late", "The challenge day must fall within " + windowWorkingDays
                    + " working days of the final submission date " + finalSubmissionOn + ", by " + latest + laterDay());
        }
        if (agendaSentOn.isAfter(heldOn)) {
            throw new RuleViolation("agenda-after-challenge-day", "The agenda cannot go out after the challenge day.");
        }
        LocalDate agendaDue = agendaDue(heldOn);
        if (agendaSentOn.isAfter(agendaDue) && override == null) {
            throw new RuleViolation("agenda-late", "The agenda must go out " + agendaWorkingDaysBefore
                    + " working days before the challenge day, by " + agendaDue + "; a later agenda needs who decided it and why.");
        }
    }

    private String laterDay() {
        return laterDayRefused ? "; the partnership's policy refuses a later day." : "; a later day needs who decided it and why.";
    }

    static void requireExplained(DeliberateOverride override) {
        if (override != null && (override.decidedBy() == null || override.decidedBy().isBlank()
                || override.reason() == null || override.reason().isBlank())) {
            throw new RuleViolation("override-unexplained", "A deliberate override needs who decided it and why.");
        }
    }
}
