package io.maap.events.auditprogramme;

import java.time.LocalDate;

/**
 * A date as a programme plans it, with the precision the plan gives: a day ("12 May 2017"), a
 * week ("week commencing 22 May 2017", {@code date} is its Monday) or a month ("September 2017",
 * {@code date} is its first day).
 */
public record PlannedDate(LocalDate date, Precision precision) {

    public enum Precision {
        DAY,
        WEEK_COMMENCING,
        MONTH
    }

    public static PlannedDate day(LocalDate date) {
        return new PlannedDate(date, Precision.DAY);
    }
}
