package io.maap.events.actionplan;

import io.maap.events.EventType;

import java.time.LocalDate;

/**
 * The partnership returned an agency's proposal to close an action, with the reason: the
 * evidence does not yet show impact. The action stays open; the agency may propose again.
 *
 * @param actionId     the action
 * @param planId       the plan it belongs to
 * @param auditId      the audit; also the Kafka key
 * @param programmeId  the programme the audit belongs to
 * @param owningAgency the agency that owns the action
 * @param reason       why the closure was not accepted
 * @param returnedBy   who returned it, e.g. "LSCB Board" or the QA coordinator
 * @param returnedOn   the day it was returned (Europe/London)
 */
@EventType(name = "maap.action.closure-returned", version = 1)
public record ActionClosureReturned(
        String actionId,
        String planId,
        String auditId,
        String programmeId,
        String owningAgency,
        String reason,
        String returnedBy,
        LocalDate returnedOn) implements ActionPlanEvent {
}
