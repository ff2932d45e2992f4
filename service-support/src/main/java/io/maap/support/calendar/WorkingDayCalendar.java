package io.maap.support.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Working days of one UK nation: Monday to Friday less bank holidays. Dates announced after a
 * release can be added, and mistakes removed, through {@code additions} and {@code removals}
 * (configured as {@code maap.calendar.additional-holidays} and {@code maap.calendar.removed-holidays}).
 */
public final class WorkingDayCalendar {

    private final Nation nation;
    private final Set<LocalDate> additions;
    private final Set<LocalDate> removals;
    private final Map<Integer, Set<LocalDate>> holidaysByYear = new ConcurrentHashMap<>();

    public WorkingDayCalendar(Nation nation, Set<LocalDate> additions, Set<LocalDate> removals) {
        this.nation = nation;
        this.additions = Set.copyOf(additions);
        this.removals = Set.copyOf(removals);
    }

    public static WorkingDayCalendar englandAndWales() {
        return new WorkingDayCalendar(Nation.ENGLAND_AND_WALES, Set.of(), Set.of());
    }

    public Nation nation() {
        return nation;
    }

    /**
     * The calendar of another nation (as an audit's policy names it, e.g. {@code "SCOTLAND"}): this
     * one when the name is null or this calendar's nation; else that nation's bank holidays, without
     * this calendar's additions and removals, which were configured for this nation.
     */
    public WorkingDayCalendar forNation(String nationName) {
        if (nationName == null || nationName.equals(nation.name())) {
            return this;
        }
        return new WorkingDayCalendar(Nation.valueOf(nationName), Set.of(), Set.of());
    }

    public boolean isBankHoliday(LocalDate date) {
        return bankHolidays(date.getYear()).contains(date);
    }

    public boolean isWorkingDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !isBankHoliday(date);
    }

    /** The bank holidays of a year, with configured additions and removals applied. */
    public Set<LocalDate> bankHolidays(int year) {
        return holidaysByYear.computeIfAbsent(year, y -> {
            var days = new java.util.TreeSet<>(UkBankHolidays.forYear(nation, y));
            additions.stream().filter(d -> d.getYear() == y).forEach(days::add);
            days.removeAll(removals);
            return java.util.Collections.unmodifiableSortedSet(days);
        });
    }

    /**
     * The {@code n}th working day after {@code date} ({@code date} itself never counts). With
     * {@code n = 0}, {@code date} if it is a working day, else the next working day.
     */
    public LocalDate addWorkingDays(LocalDate date, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative: " + n);
        }
        if (n == 0) {
            return nextWorkingDayOnOrAfter(date);
        }
        LocalDate current = date;
        int counted = 0;
        while (counted < n) {
            current = current.plusDays(1);
            if (isWorkingDay(current)) {
                counted++;
            }
        }
        return current;
    }

    /** The {@code n}th working day before {@code date} ({@code date} itself never counts). */
    public LocalDate subtractWorkingDays(LocalDate date, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative: " + n);
        }
        LocalDate current = date;
        int counted = 0;
        while (counted < n) {
            current = current.minusDays(1);
            if (isWorkingDay(current)) {
                counted++;
            }
        }
        return current;
    }

    public LocalDate nextWorkingDayOnOrAfter(LocalDate date) {
        LocalDate current = date;
        while (!isWorkingDay(current)) {
            current = current.plusDays(1);
        }
        return current;
    }

    /**
     * Working days after {@code from} up to and including {@code to}; negative when {@code to}
     * is before {@code from}. A return due on Friday and looked at the next Monday is one
     * working day late.
     */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return -workingDaysBetween(to, from);
        }
        // Whole weeks count five weekdays each, the few days left are looked at, then the bank
        // holidays in the range that fall on weekdays come off: cost by years, not by days.
        long weeks = java.time.temporal.ChronoUnit.DAYS.between(from, to) / 7;
        long count = weeks * 5;
        for (LocalDate d = from.plusDays(weeks * 7 + 1); !d.isAfter(to); d = d.plusDays(1)) {
            if (isWeekday(d)) {
                count++;
            }
        }
        for (int year = from.getYear(); year <= to.getYear(); year++) {
            for (LocalDate holiday : bankHolidays(year)) {
                if (holiday.getYear() == year && holiday.isAfter(from) && !holiday.isAfter(to) && isWeekday(holiday)) {
                    count--;
                }
            }
        }
        return (int) count;
    }

    private static boolean isWeekday(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY;
    }
}
