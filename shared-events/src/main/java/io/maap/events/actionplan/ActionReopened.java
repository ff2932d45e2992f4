package io.maap.events.actionplan;

import io.maap.events.EventType;

import java.time.LocalDate;

/**
 * A closed action was reopened, with the reason. Sent each time it happens; the action is
 * monitored again.
 *
 * @param actionId     the action
 * @param planId       the plan it belongs to
 * @param auditId      the audit; also the Kafka key
 * @param programmeId  the programme the audit belongs to
 * @param owningAgency the agency that owns the action
 * @param reason       why the closure no longer stands
 * @param reopenedBy   who reopened it
 * @param reopenedOn   the day it was reopened (Europe/London)
 */
@EventType(name = "maap.action.reopened", version = 1)
public record ActionReopened(
        String actionId,
        String planId,
        String auditId,
        String programmeId,
        String owningAgency,
        String reason,
        String reopenedBy,
        LocalDate reopenedOn) implements ActionPlanEvent {
}
