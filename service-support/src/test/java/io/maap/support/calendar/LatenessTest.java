package io.maap.support.calendar;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class LatenessTest {

    private final Lateness lateness = new Lateness(WorkingDayCalendar.englandAndWales());
    private static final LocalDate FRIDAY = LocalDate.of(2017, 7, 21);

    @Test
    void theSaturdayAfterAFridayDeadlineIsNotOverdueAndTheMondayIsOneWorkingDayLate() {
        assertThat(lateness.isOverdue(FRIDAY, FRIDAY.plusDays(1))).isFalse();
        assertThat(lateness.workingDaysLate(FRIDAY, FRIDAY.plusDays(2))).isZero();
        assertThat(lateness.isOverdue(FRIDAY, FRIDAY.plusDays(3))).isTrue();
        assertThat(lateness.workingDaysLate(FRIDAY, FRIDAY.plusDays(3))).isEqualTo(1);
    }

    @Test
    void aReturnDueOnMaundyThursdayIsOverdueFromTheTuesdayAfterEaster() {
        LocalDate thursday = LocalDate.of(2017, 4, 13);
        assertThat(lateness.overdueFrom(thursday)).isEqualTo(LocalDate.of(2017, 4, 18));
        assertThat(lateness.isOverdue(thursday, LocalDate.of(2017, 4, 17))).isFalse();
    }

    @Test
    void overdueIfDueBeforeTheLastWorkingDayOnOrBeforeTheDay() {
        LocalDate easterMonday = LocalDate.of(2017, 4, 17);
        assertThat(lateness.overdueIfDueBefore(easterMonday)).isEqualTo(LocalDate.of(2017, 4, 13));
        assertThat(lateness.overdueIfDueBefore(FRIDAY.plusDays(1))).isEqualTo(FRIDAY);
        assertThat(lateness.overdueIfDueBefore(FRIDAY)).isEqualTo(FRIDAY);
        for (LocalDate due = LocalDate.of(2017, 3, 1); due.isBefore(LocalDate.of(2017, 6, 1)); due = due.plusDays(1)) {
            for (LocalDate day = due; day.isBefore(due.plusDays(12)); day = day.plusDays(1)) {
                assertThat(due.isBefore(lateness.overdueIfDueBefore(day))).as("due %s seen %s", due, day)
                        .isEqualTo(lateness.isOverdue(due, day));
            }
        }
    }
}
