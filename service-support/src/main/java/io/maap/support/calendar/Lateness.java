package io.maap.support.calendar;

import java.time.LocalDate;

/**
 * The one definition of a return's lateness, used by every service and view: a return not in by
 * the end of its due date is overdue from the first working day after it, and late by the working
 * days since. The Saturday after a Friday deadline is not overdue; the Monday is, one working day late.
 */
public final class Lateness {

    private final WorkingDayCalendar calendar;

    public Lateness(WorkingDayCalendar calendar) {
        this.calendar = calendar;
    }

    /** The first day a return due on {@code dueDate} and still awaited is overdue. */
    public LocalDate overdueFrom(LocalDate dueDate) {
        return calendar.addWorkingDays(dueDate, 1);
    }

    /** Whether a return due on {@code dueDate} and still awaited is overdue on {@code day}. */
    public boolean isOverdue(LocalDate dueDate, LocalDate day) {
        return !day.isBefore(overdueFrom(dueDate));
    }

    /** Working days late on {@code day} (zero up to and including the due date and on the days off after it). */
    public int workingDaysLate(LocalDate dueDate, LocalDate day) {
        return Math.max(0, calendar.workingDaysBetween(dueDate, day));
    }

    /**
     * The due dates overdue on {@code day} are exactly those before this date (the last working day
     * on or before {@code day}), so that a store can count overdue returns with one comparison.
     */
    public LocalDate overdueIfDueBefore(LocalDate day) {
        LocalDate date = day;
        while (!calendar.isWorkingDay(date)) {
            date = date.minusDays(1);
        }
        return date;
    }
}
