package io.maap.auditprogramme.audit.command;

import io.maap.events.auditprogramme.AuditActivityCompleted;
import io.maap.events.auditprogramme.AuditCommissioned;
import io.maap.events.auditprogramme.AuditMilestoneRescheduled;
import io.maap.events.auditprogramme.AuditPlanned;
import io.maap.events.auditprogramme.ChallengeDayScheduled;
import io.maap.events.auditprogramme.DeliberateOverride;
import io.maap.events.auditprogramme.Milestone;
import io.maap.events.auditprogramme.PlannedDate;
import io.maap.support.domain.RuleViolation;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A themed audit's plan as it stands: each milestone's planned date, set by the plan, fixed in
 * part by commissioning, moved only with who and why; and the other planned activities, each
 * completed once.
 */
final class AuditPlan {

    private final Map<Milestone, PlannedDate> dates = new EnumMap<>(Milestone.class);
    private final Set<String> activities = new HashSet<>();
    private final Map<String, LocalDate> completed = new HashMap<>();
    private boolean commissioned;

    PlannedDate dateOf(Milestone milestone) {
        return dates.get(milestone);
    }

    /**
     * Once commissioned, the return deadline is fixed (agencies were told it) and the challenge
     * day is moved by scheduling it, so that its rules of time are checked.
     */
    void requireMovable(RescheduleMilestone command) {
        if (commissioned && command.milestone() == Milestone.RETURNS_CLOSED) {
            throw new RuleViolation("return-deadline-fixed", "The return deadline was set when the audit was "
                    + "commissioned; agencies were told it. Extend single returns instead.");
        }
        if (commissioned && command.milestone() == Milestone.CHALLENGE_DAY) {
            throw new RuleViolation("challenge-day-needs-scheduling",
                    "Schedule the challenge day instead, so that its rules of time are checked.");
        }
        ChallengeDayRules.requireExplained(new DeliberateOverride(command.decidedBy(), command.reason()));
    }

    /**
     * Whether completing the activity is new: false for a retry of the same completion; an
     * activity not planned, already completed on another day, or completed after {@code today} is refused.
     */
    boolean admits(CompleteActivity command) {
        LocalDate done = completed.get(command.activityId());
        if (command.completedOn().equals(done)) {
            return false;
        }
        if (!activities.contains(command.activityId())) {
            throw new RuleViolation("unknown-activity",
                    "Audit " + command.auditId() + " has no planned activity '" + command.activityId() + "'.");
        }
        if (done != null) {
            throw new RuleViolation("activity-already-completed",
                    "Activity '" + command.activityId() + "' was already completed on " + done + ".");
        }
        if (command.completedOn().isAfter(command.today())) {
            throw new RuleViolation("date-in-future", "An activity cannot be completed in the future.");
        }
        return true;
    }

    @EventSourcingHandler
    void on(AuditPlanned event) {
        event.milestones().forEach(m -> dates.put(m.milestone(), m.plannedDate()));
        event.activities().forEach(a -> activities.add(a.activityId()));
    }

    @EventSourcingHandler
    void on(AuditCommissioned event) {
        commissioned = true;
        dates.put(Milestone.TOOL_SENT, PlannedDate.day(event.toolSentOn()));
        dates.put(Milestone.RETURNS_CLOSED, PlannedDate.day(event.returnDeadline()));
    }

    @EventSourcingHandler
    void on(ChallengeDayScheduled event) {
        dates.put(Milestone.CHALLENGE_DAY, PlannedDate.day(event.challengeDayOn()));
    }

    @EventSourcingHandler
    void on(AuditMilestoneRescheduled event) {
        dates.put(event.milestone(), event.planned());
    }

    @EventSourcingHandler
    void on(AuditActivityCompleted event) {
        completed.put(event.activityId(), event.completedOn());
    }
}
