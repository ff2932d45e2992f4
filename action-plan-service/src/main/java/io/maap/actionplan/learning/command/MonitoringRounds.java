package io.maap.actionplan.learning.command;

import io.maap.actionplan.learning.command.Deadlines.MonitoringRoundDue;
import io.maap.actionplan.learning.event.MonitoringRoundScheduled;
import io.maap.actionplan.learning.event.MonitoringRoundsPaused;
import io.maap.events.actionplan.ActionPlanAgreed;
import io.maap.support.calendar.WorkingDayCalendar;
import io.maap.support.deadline.FiredAt;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.time.Instant;
import java.time.LocalDate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The automatic monitoring rounds of an agreed plan: one every interval from the agreement, each
 * asking for updates due ten working days later. Rounds pause when a round finds no open action,
 * and resume when an action is reopened.
 */
final class MonitoringRounds {

    static final int UPDATE_WORKING_DAYS = 10;

    private final ActionPlanAgreed agreed;
    private final UpdateRequests requests;
    private int lastScheduledRound;
    private boolean paused;

    MonitoringRounds(ActionPlanAgreed agreed, UpdateRequests requests) {
        this.agreed = agreed;
        this.requests = requests;
    }

    @DeadlineHandler(deadlineName = Deadlines.MONITORING_ROUND)
    void onRoundDue(MonitoringRoundDue due, @FiredAt Instant firedAt,
                    WorkingDayCalendar calendar, DeadlineManager deadlineManager) {
        if (due.roundNumber() != lastScheduledRound || paused) {
            return; // superseded
        }
        int interval = agreed.monitoringIntervalMonths();
        LocalDate today = Deadlines.dateAt(firedAt);
        // A round that fires more than a whole interval late (the service was down, or a plan was entered
        // long after it was agreed) asks once, today, rather than replaying every missed quarter.
        LocalDate roundOn = today.isAfter(due.roundOn().plusMonths(interval)) ? today : due.roundOn();
        Deadlines deadlines = Deadlines.using(deadlineManager);
        String roundId = agreed.planId() + "-q" + due.roundNumber();
        if (requests.ask(roundId, roundOn, calendar.addWorkingDays(roundOn, UPDATE_WORKING_DAYS), deadlines)) {
            schedule(due.roundNumber() + 1, roundOn.plusMonths(interval), deadlines);
        } else {
            apply(new MonitoringRoundsPaused(agreed.auditId(), agreed.planId(), due.roundNumber()));
        }
    }

    void scheduleFirst(Deadlines deadlines) {
        schedule(1, agreed.firstMonitoringRoundOn(), deadlines);
    }

    void resumeIfPaused(LocalDate reopenedOn, Deadlines deadlines) {
        if (paused) {
            schedule(lastScheduledRound + 1, reopenedOn.plusMonths(agreed.monitoringIntervalMonths()), deadlines);
        }
    }

    private void schedule(int roundNumber, LocalDate roundOn, Deadlines deadlines) {
        apply(new MonitoringRoundScheduled(agreed.auditId(), agreed.planId(), roundNumber, roundOn));
        deadlines.monitoringRound(agreed.planId(), roundNumber, roundOn);
    }

    @EventSourcingHandler
    void on(MonitoringRoundScheduled event) {
        lastScheduledRound = event.roundNumber();
        paused = false;
    }

    @EventSourcingHandler
    void on(MonitoringRoundsPaused event) {
        paused = true;
    }

    // Value equality lets Axon's test fixture check that event sourcing rebuilds the same state.
    @Override
    public boolean equals(Object other) {
        return other instanceof MonitoringRounds that && agreed.equals(that.agreed) && requests.equals(that.requests)
                && lastScheduledRound == that.lastScheduledRound && paused == that.paused;
    }

    @Override
    public int hashCode() {
        return agreed.hashCode();
    }
}
