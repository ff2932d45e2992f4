package io.maap.actionplan.audit.command;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** The deadlines an audit's learning schedules, and the instants they fall due. */
public final class Deadlines {

    static final String ACTION_OVERDUE = "action-overdue";
    static final String MONITORING_ROUND = "monitoring-round";
    static final String UPDATES_DUE = "monitoring-updates-due";

    static final ZoneId LONDON = ZoneId.of("Europe/London");

    private Deadlines() {
    }

    /** The first moment of the day after {@code date} in the partnership's time zone: {@code date} is over. */
    static Instant after(LocalDate date) {
        return date.plusDays(1).atStartOfDay(LONDON).toInstant();
    }

    static Instant on(LocalDate date) {
        return date.atStartOfDay(LONDON).toInstant();
    }

    public record ActionDue(String actionId) {
    }

    public record MonitoringRoundDue(String planId, int roundNumber, LocalDate roundOn) {
    }

    public record UpdatesDue(String planId, String roundId) {
    }
}
