package io.maap.support.calendar;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkingDayCalendarTest {

    private final WorkingDayCalendar calendar = WorkingDayCalendar.englandAndWales();

    @Test
    void fifteenWorkingDaysFromTheNeglectAuditToolSkipsEaster() {
        // Tool sent Monday 3 April 2017; Good Friday 14 April and Easter Monday 17 April do not count.
        assertThat(calendar.addWorkingDays(LocalDate.of(2017, 4, 3), 15)).isEqualTo(LocalDate.of(2017, 4, 26));
        assertThat(calendar.addWorkingDays(LocalDate.of(2017, 4, 3), 10)).isEqualTo(LocalDate.of(2017, 4, 19));
    }

    @Test
    void countsAcrossChristmasWithSubstituteDays() {
        // Friday 24 December 2021; 27 and 28 December are substitute days.
        assertThat(calendar.addWorkingDays(LocalDate.of(2021, 12, 24), 1)).isEqualTo(LocalDate.of(2021, 12, 29));
        assertThat(calendar.workingDaysBetween(LocalDate.of(2021, 12, 24), LocalDate.of(2022, 1, 4))).isEqualTo(4);
    }

    @Test
    void workingDaysBetweenIsNegativeBackwards() {
        assertThat(calendar.workingDaysBetween(LocalDate.of(2017, 5, 12), LocalDate.of(2017, 5, 15))).isEqualTo(1);
        assertThat(calendar.workingDaysBetween(LocalDate.of(2017, 5, 15), LocalDate.of(2017, 5, 12))).isEqualTo(-1);
        assertThat(calendar.subtractWorkingDays(LocalDate.of(2017, 5, 22), 2)).isEqualTo(LocalDate.of(2017, 5, 18));
    }

    @Test
    void configuredAdditionsAndRemovalsOverrideTheRules() {
        WorkingDayCalendar overridden = new WorkingDayCalendar(Nation.ENGLAND_AND_WALES,
                Set.of(LocalDate.of(2031, 6, 6)), Set.of(LocalDate.of(2031, 8, 25)));
        assertThat(overridden.isWorkingDay(LocalDate.of(2031, 6, 6))).isFalse();
        assertThat(overridden.isWorkingDay(LocalDate.of(2031, 8, 25))).isTrue();
    }

    @Test
    void zeroDaysMeansTheNextWorkingDayAndNegativeIsRefused() {
        assertThat(calendar.addWorkingDays(LocalDate.of(2017, 4, 15), 0)).isEqualTo(LocalDate.of(2017, 4, 18));
        assertThatThrownBy(() -> calendar.addWorkingDays(LocalDate.of(2017, 4, 15), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void workingDaysBetweenCountsAsLookingAtEachDay() {
        java.util.Random random = new java.util.Random(20);
        WorkingDayCalendar calendar = new WorkingDayCalendar(Nation.ENGLAND_AND_WALES,
                Set.of(LocalDate.of(2019, 7, 3), LocalDate.of(2020, 2, 8)), Set.of(LocalDate.of(2018, 12, 26)));
        for (int i = 0; i < 2000; i++) {
            LocalDate from = LocalDate.of(2015, 1, 1).plusDays(random.nextInt(4000));
            LocalDate to = from.plusDays(random.nextInt(1500) - 200);
            int lookingAtEachDay = 0;
            for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
                lookingAtEachDay += calendar.isWorkingDay(d) ? 1 : 0;
            }
            for (LocalDate d = to.plusDays(1); !d.isAfter(from); d = d.plusDays(1)) {
                lookingAtEachDay -= calendar.isWorkingDay(d) ? 1 : 0;
            }
            assertThat(calendar.workingDaysBetween(from, to)).as("%s to %s", from, to).isEqualTo(lookingAtEachDay);
        }
    }
}
