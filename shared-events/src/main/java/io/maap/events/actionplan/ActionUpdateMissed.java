package io.maap.events.actionplan;

import io.maap.events.EventType;

import java.time.LocalDate;

/**
 * No progress update arrived by the day a monitoring round asked for it, and the action is
 * still open. Sent at most once per round and action, the day after the update was due.
 *
 * @param roundId      the monitoring round
 * @param actionId     the action
 * @param planId       the plan it belongs to
 * @param auditId      the audit; also the Kafka key
 * @param programmeId  the programme the audit belongs to
 * @param owningAgency the agency that did not report
 * @param lead         the action's named lead
 * @param updateDueBy  the last day the update was due
 */
@EventType(name = "maap.action.update-missed", version = 1)
public record ActionUpdateMissed(
        String roundId,
        String actionId,
        String planId,
        String auditId,
        String programmeId,
        String owningAgency,
        String lead,
        LocalDate updateDueBy) implements ActionPlanEvent {
}
