package io.maap.events.actionplan;

import io.maap.events.EventType;
import io.maap.events.Nullable;

import java.time.LocalDate;

/**
 * An action was closed with evidence of its impact. Sent each time the action is closed (an
 * action reopened with a reason can be closed again).
 *
 * @param actionId         the action
 * @param planId           the plan it belongs to
 * @param auditId          the audit; also the Kafka key
 * @param programmeId      the programme the audit belongs to
 * @param owningAgency     the agency that owns the action
 * @param evidenceOfImpact what changed for children and how it is known
 * @param closedBy         who closed it, e.g. "QA Sub-Group"
 * @param closedOn         the day it was closed (Europe/London)
 * @param dueDate          the day it was due, so lateness can be reported
 * @param boardMeeting     the Board meeting that accepted the closure, as the QA coordinator named it; null when
 *                         a Board member recorded it (and in events from before this field)
 */
@EventType(name = "maap.action.closed", version = 1)
public record ActionClosed(
        String actionId,
        String planId,
        String auditId,
        String programmeId,
        String owningAgency,
        String evidenceOfImpact,
        String closedBy,
        LocalDate closedOn,
        LocalDate dueDate,
        @Nullable String boardMeeting) implements ActionPlanEvent {

    /** A closure recorded by a Board member, naming no meeting. */
    public ActionClosed(String actionId, String planId, String auditId, String programmeId, String owningAgency,
                        String evidenceOfImpact, String closedBy, LocalDate closedOn, LocalDate dueDate) {
        this(actionId, planId, auditId, programmeId, owningAgency, evidenceOfImpact, closedBy, closedOn, dueDate, null);
    }
}
