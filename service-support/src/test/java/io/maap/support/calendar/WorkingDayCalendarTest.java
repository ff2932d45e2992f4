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
}
