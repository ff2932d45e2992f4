package io.maap.events.actionplan;

import io.maap.events.EventType;

import java.time.LocalDate;

/**
 * An action was still open when its due date passed, and is escalated. Sent at most once per
 * action, on the day after its due date (or when it is reopened after that day).
 *
 * @param actionId     the action
 * @param planId       the plan it belongs to
 * @param auditId      the audit; also the Kafka key
 * @param programmeId  the programme the audit belongs to
 * @param owningAgency the agency that owns the action
 * @param lead         the action's named lead
 * @param dueDate      the day it was due (Europe/London)
 */
@EventType(name = "maap.action.overdue", version = 1)
public record ActionOverdue(
        String actionId,
        String planId,
        String auditId,
        String programmeId,
        String owningAgency,
        String lead,
        LocalDate dueDate) implements ActionPlanEvent {
}
