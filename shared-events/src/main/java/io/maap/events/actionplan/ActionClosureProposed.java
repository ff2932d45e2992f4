package io.maap.events.actionplan;

import io.maap.events.EventType;

import java.time.LocalDate;

/**
 * An action's owning agency proposed closing it, with evidence of its impact. The action stays
 * open until the partnership (the QA coordinator or the Board) confirms the closure
 * ({@link ActionClosed}) or returns the proposal ({@link ActionClosureReturned}). Sent once per
 * proposal.
 *
 * @param actionId         the action
 * @param planId           the plan it belongs to
 * @param auditId          the audit; also the Kafka key
 * @param programmeId      the programme the audit belongs to
 * @param owningAgency     the agency that owns the action and proposes its closure
 * @param evidenceOfImpact what changed for children and how it is known
 * @param proposedBy       who proposed it, e.g. the agency's lead officer
 * @param proposedOn       the day it was proposed (Europe/London)
 */
@EventType(name = "maap.action.closure-proposed", version = 1)
public record ActionClosureProposed(
        String actionId,
        String planId,
        String auditId,
        String programmeId,
        String owningAgency,
        String evidenceOfImpact,
        String proposedBy,
        LocalDate proposedOn) implements ActionPlanEvent {
}
