package io.maap.events.actionplan;

import io.maap.events.EventType;

import java.time.LocalDate;
import java.util.List;

/**
 * An action was added to a draft action plan. Sent once per action; the action is open until
 * closed with evidence of impact.
 *
 * @param actionId          the action's identifier
 * @param planId            the plan it belongs to
 * @param auditId           the audit; also the Kafka key
 * @param programmeId       the programme the audit belongs to
 * @param description       what will be done
 * @param owningAgency      the agency code that owns the action
 * @param lead              the named lead (a role or person)
 * @param dueDate           the day by which it must be done (Europe/London)
 * @param addressesFindings the findings of the audit the action responds to
 * @param successMeasure    how success and impact will be measured
 * @param addedOn           the day it was added (Europe/London)
 */
@EventType(name = "maap.action.added", version = 1)
public record ActionAdded(
        String actionId,
        String planId,
        String auditId,
        String programmeId,
        String description,
        String owningAgency,
        String lead,
        LocalDate dueDate,
        List<String> addressesFindings,
        String successMeasure,
        LocalDate addedOn) implements ActionPlanEvent {

    public ActionAdded {
        addressesFindings = List.copyOf(addressesFindings);
    }
}
