package io.maap.casereturn.request.command;

import io.maap.events.auditprogramme.AuditCommissioned;
import io.maap.support.calendar.Lateness;
import io.maap.support.calendar.WorkingDayCalendar;
import org.axonframework.deadline.DeadlineManager;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * When a request's reminder and overdue mark fall, by the partnership's working-day calendar:
 * reminders go out at {@code reminderTime} on the reminder day; a return not in by the end of its
 * due date is overdue from {@code overdueTime} on the next working day; a return sent back is due
 * again {@code resubmissionWorkingDays} working days later, never before the deadline it was given. Every deadline of a request is
 * scheduled here, so when they fall is decided in one place.
 */
public class ReturnDeadlines {

    public static final String REMINDER = "return-reminder";
    public static final String OVERDUE = "return-overdue";

    private final WorkingDayCalendar calendar;
    private final ZoneId zone;
    private final LocalTime reminderTime;
    private final LocalTime overdueTime;
    private final int resubmissionWorkingDays;

    public ReturnDeadlines(WorkingDayCalendar calendar, ZoneId zone, LocalTime reminderTime, LocalTime overdueTime,
                           int resubmissionWorkingDays) {
        this.calendar = calendar;
        this.zone = zone;
        this.reminderTime = reminderTime;
        this.overdueTime = overdueTime;
        this.resubmissionWorkingDays = resubmissionWorkingDays;
    }

    public static ReturnDeadlines defaults(WorkingDayCalendar calendar) {
        return new ReturnDeadlines(calendar, ZoneId.of("Europe/London"), LocalTime.of(9, 0), LocalTime.MIDNIGHT, 5);
    }

    /**
     * These deadlines under the policy an audit was commissioned under: its resubmission window and
     * its nation's working days (this service's own when the policy names none); these when null.
     */
    public ReturnDeadlines under(AuditCommissioned.Policy policy) {
        if (policy == null) {
            return this;
        }
        return new ReturnDeadlines(calendar.forNation(policy.calendarNation()), zone, reminderTime, overdueTime,
                policy.resubmissionWorkingDays());
    }

    public Instant reminderAt(LocalDate reminderDate) {
        return reminderDate.atTime(reminderTime).atZone(zone).toInstant();
    }

    /**
     * The reminder, scheduled with the request. It schedules the overdue check when it falls, so the
     * two are published in that order even when both dates have passed by the time the request is made.
     */
    public void scheduleReminder(DeadlineManager deadlineManager, LocalDate reminderDate) {
        deadlineManager.schedule(reminderAt(reminderDate), REMINDER, new ReminderDue(reminderDate));
    }

    /** The check that marks a return overdue if {@code dueDate} passes without it; stale checks do nothing. */
    public void scheduleOverdueCheck(DeadlineManager deadlineManager, LocalDate dueDate) {
        deadlineManager.schedule(overdueAt(dueDate), OVERDUE, new OverdueCheck(dueDate));
    }

    public LocalDate overdueFrom(LocalDate dueDate) {
        return new Lateness(calendar).overdueFrom(dueDate);
    }

    public Instant overdueAt(LocalDate dueDate) {
        return overdueFrom(dueDate).atTime(overdueTime).atZone(zone).toInstant();
    }

    /**
     * When a return sent back on {@code sentBackOn} is due again: the resubmission window after the
     * send-back, but never before {@code given}, the deadline the agency was given (or its extension).
     */
    public LocalDate resubmissionDue(LocalDate sentBackOn, LocalDate given) {
        LocalDate window = calendar.addWorkingDays(sentBackOn, resubmissionWorkingDays);
        return given != null && given.isAfter(window) ? given : window;
    }

    public LocalDate dateOf(Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }

    public int workingDaysLate(LocalDate dueDate, LocalDate submittedOn) {
        return new Lateness(calendar).workingDaysLate(dueDate, submittedOn);
    }

    public boolean isWorkingDay(LocalDate date) {
        return calendar.isWorkingDay(date);
    }

    /** A deadline's payload: the reminder day it was scheduled for. */
    public record ReminderDue(LocalDate reminderDate) {
    }

    /** A deadline's payload: the due date it watches; it does nothing if the due date has moved. */
    public record OverdueCheck(LocalDate dueDate) {
    }
}
