package io.maap.support.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * UK bank holidays by rule, with substitute days and the one-off changes made by proclamation.
 * No maintained Java holiday library that resolves here carries the 2020/2022/2023 one-offs for
 * all three nations, so the rules live here and are tested against the published dates; new
 * proclamations can be added by configuration ({@link WorkingDayCalendar}).
 */
public final class UkBankHolidays {

    /** Regular holidays moved by proclamation: the rule's date and the day it moved to. */
    private static final Map<LocalDate, LocalDate> MOVED = Map.of(
            LocalDate.of(1995, 5, 1), LocalDate.of(1995, 5, 8),
            LocalDate.of(2002, 5, 27), LocalDate.of(2002, 6, 4),
            LocalDate.of(2012, 5, 28), LocalDate.of(2012, 6, 4),
            LocalDate.of(2020, 5, 4), LocalDate.of(2020, 5, 8),
            LocalDate.of(2022, 5, 30), LocalDate.of(2022, 6, 2));

    /** Additional one-off UK-wide bank holidays. */
    private static final Set<LocalDate> ONE_OFF = Set.of(
            LocalDate.of(1999, 12, 31),
            LocalDate.of(2002, 6, 3),
            LocalDate.of(2011, 4, 29),
            LocalDate.of(2012, 6, 5),
            LocalDate.of(2022, 6, 3),
            LocalDate.of(2022, 9, 19),
            LocalDate.of(2023, 5, 8));

    private UkBankHolidays() {
    }

    /** The bank holidays of one year in the given nation, in date order. */
    public static Set<LocalDate> forYear(Nation nation, int year) {
        TreeSet<LocalDate> days = new TreeSet<>();
        LocalDate easter = easterSunday(year);

        if (nation == Nation.SCOTLAND) {
            addScottishNewYear(days, year);
        } else {
            days.add(nextWeekday(LocalDate.of(year, 1, 1)));
        }
        if (nation == Nation.NORTHERN_IRELAND) {
            days.add(nextWeekday(LocalDate.of(year, 3, 17)));
        }
        days.add(easter.minusDays(2));
        if (nation != Nation.SCOTLAND) {
            days.add(easter.plusDays(1));
        }
        days.add(moved(firstMonday(year, Month.MAY)));
        days.add(moved(lastMonday(year, Month.MAY)));
        if (nation == Nation.NORTHERN_IRELAND) {
            days.add(nextWeekday(LocalDate.of(year, 7, 12)));
        }
        days.add(nation == Nation.SCOTLAND ? firstMonday(year, Month.AUGUST) : lastMonday(year, Month.AUGUST));
        if (nation == Nation.SCOTLAND) {
            days.add(nextWeekday(LocalDate.of(year, 11, 30)));
        }
        addChristmas(days, year);
        ONE_OFF.stream().filter(d -> d.getYear() == year).forEach(days::add);
        return days;
    }

    /** Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm). */
    public static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = ((h + l - 7 * m + 114) % 31) + 1;
        return LocalDate.of(year, month, day);
    }

    private static void addScottishNewYear(Set<LocalDate> days, int year) {
        addPair(days, LocalDate.of(year, 1, 1));
    }

    private static void addChristmas(Set<LocalDate> days, int year) {
        addPair(days, LocalDate.of(year, 12, 25));
    }

    /** Two consecutive holidays (25-26 December, 1-2 January in Scotland) with their substitute days. */
    private static void addPair(Set<LocalDate> days, LocalDate firstDay) {
        LocalDate first = nextWeekday(firstDay);
        LocalDate secondDay = firstDay.plusDays(1);
        LocalDate second = nextWeekday(secondDay.isAfter(first) ? secondDay : first.plusDays(1));
        days.add(first);
        days.add(second);
    }

    private static LocalDate moved(LocalDate ruleDate) {
        return MOVED.getOrDefault(ruleDate, ruleDate);
    }

    private static LocalDate nextWeekday(LocalDate date) {
        return switch (date.getDayOfWeek()) {
            case SATURDAY -> date.plusDays(2);
            case SUNDAY -> date.plusDays(1);
            default -> date;
        };
    }

    private static LocalDate firstMonday(int year, Month month) {
        return LocalDate.of(year, month, 1).with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY));
    }

    private static LocalDate lastMonday(int year, Month month) {
        return LocalDate.of(year, month, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY));
    }
}
