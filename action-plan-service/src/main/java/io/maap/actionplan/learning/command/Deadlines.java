package io.maap.actionplan.learning.command;

import org.axonframework.deadline.DeadlineManager;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Every deadline an audit's learning sets, in one place: its name, its payload and the instant it
 * falls due in the partnership's time zone. The payloads wait in the scheduler's table until they
 * fire, so their names and shapes are kept.
 */
public final class Deadlines {

    static final String ACTION_OVERDUE = "action-overdue";
    static final String MONITORING_ROUND = "monitoring-round";
    static final String UPDATES_DUE = "monitoring-updates-due";

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final DeadlineManager manager;

    private Deadlines(DeadlineManager manager) {
        this.manager = manager;
    }

    static Deadlines using(DeadlineManager manager) {
        return new Deadlines(manager);
    }

    /**
     * An action still open on {@code overdueFrom} is overdue: the first working day after its due date,
     * by the one definition of lateness ({@code Lateness}).
     */
    void overdueCheckFrom(String actionId, LocalDate overdueFrom) {
        manager.schedule(startOf(overdueFrom), ACTION_OVERDUE, new ActionDue(actionId));
    }

    /** An action reopened after its due date is checked on the day it is reopened. */
    void overdueCheckOn(String actionId, LocalDate day) {
        manager.schedule(startOf(day), ACTION_OVERDUE, new ActionDue(actionId));
    }

    void monitoringRound(String planId, int roundNumber, LocalDate roundOn) {
        manager.schedule(startOf(roundOn), MONITORING_ROUND, new MonitoringRoundDue(planId, roundNumber, roundOn));
    }

    /** Updates not given by {@code updateDueBy} are missed once that day is over. */
    void updatesDue(String planId, String roundId, LocalDate updateDueBy) {
        manager.schedule(startOf(updateDueBy.plusDays(1)), UPDATES_DUE, new UpdatesDue(planId, roundId));
    }

    /** The partnership's date at an instant, such as the one a deadline fired at. */
    static LocalDate dateAt(Instant instant) {
        return LocalDate.ofInstant(instant, LONDON);
    }

    private static Instant startOf(LocalDate date) {
        return date.atStartOfDay(LONDON).toInstant();
    }

    public record ActionDue(String actionId) {
    }

    public record MonitoringRoundDue(String planId, int roundNumber, LocalDate roundOn) {
    }

    public record UpdatesDue(String planId, String roundId) {
    }
}
