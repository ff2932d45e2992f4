package io.maap.auditprogramme.audit.web;

import io.maap.events.auditprogramme.PlannedDate;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;

import java.time.LocalDate;

/** A planned date with its precision; for a week give its Monday, for a month its first day. */
public record PlannedDateBody(
        @NotNull LocalDate date,
        @Schema(description = "DAY (default), WEEK_COMMENCING or MONTH") PlannedDate.Precision precision) {

    public PlannedDate toPlannedDate() {
        PlannedDate.Precision p = precision == null ? PlannedDate.Precision.DAY : precision;
        if (p == PlannedDate.Precision.WEEK_COMMENCING && date.getDayOfWeek() != java.time.DayOfWeek.MONDAY) {
            throw new IllegalArgumentException("A week is given by its Monday; " + date + " is a " + date.getDayOfWeek() + ".");
        }
        if (p == PlannedDate.Precision.MONTH && date.getDayOfMonth() != 1) {
            throw new IllegalArgumentException("A month is given by its first day; " + date + " is not.");
        }
        return new PlannedDate(date, p);
    }
}
