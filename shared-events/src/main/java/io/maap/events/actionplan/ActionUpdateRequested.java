package io.maap.events.actionplan;

import io.maap.events.EventType;

import java.time.LocalDate;

/**
 * A monitoring round asked the owner of an open action for a progress update. Sent once per
 * round and open action of an agreed plan.
 *
 * @param roundId      the monitoring round
 * @param actionId     the action
 * @param planId       the plan it belongs to
 * @param auditId      the audit; also the Kafka key
 * @param programmeId  the programme the audit belongs to
 * @param owningAgency the agency asked
 * @param lead         the action's named lead
 * @param requestedOn  the day of the round (Europe/London)
 * @param updateDueBy  the last day for the update
 */
@EventType(name = "maap.action.update-requested", version = 1)
public record ActionUpdateRequested(
        String roundId,
        String actionId,
        String planId,
        String auditId,
        String programmeId,
        String owningAgency,
        String lead,
        LocalDate requestedOn,
        LocalDate updateDueBy) implements ActionPlanEvent {
}
