package io.maap.notification.rules.command;

import io.maap.events.actionplan.ActionOverdue;
import io.maap.events.actionplan.ActionPlanDisseminated;
import io.maap.events.actionplan.ActionUpdateMissed;
import io.maap.events.actionplan.ActionUpdateRequested;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Action plans: when a plan is disseminated each owning agency's lead officer is told of its
 * actions (one message per agency); each monitoring round's update request goes to the owner; a
 * missed update and an overdue action go to the owner and the QA coordinator.
 */
public final class Actions {

    public List<Planned> disseminated(String eventId, ActionPlanDisseminated plan, Collection<ActionFacts> actions) {
        Map<String, List<ActionFacts>> byAgency = actions.stream().filter(a -> a.planId().equals(plan.planId()))
                .collect(Collectors.groupingBy(ActionFacts::agency, TreeMap::new, Collectors.toList()));
        return byAgency.entrySet().stream().map(e -> new Planned(eventId + "/" + e.getKey(), Kind.ACTION_PLAN_DISSEMINATED,
                List.of(Recipient.leadOfficer(e.getKey())), plan.programmeId(), e.getKey(), plan.auditId(), false,
                Map.of("auditId", plan.auditId(), "planId", plan.planId(),
                        "actionIds", Facts.list(e.getValue().stream().map(ActionFacts::actionId).toList()),
                        "actionCount", Integer.toString(e.getValue().size()),
                        "firstDueDate", e.getValue().stream().map(ActionFacts::dueDate).min(java.util.Comparator.naturalOrder())
                                .orElseThrow().toString()))).toList();
    }

    public List<Planned> updateRequested(String eventId, ActionUpdateRequested asked) {
        return List.of(new Planned(eventId, Kind.ACTION_UPDATE_REQUESTED, List.of(Recipient.leadOfficer(asked.owningAgency())),
                asked.programmeId(), asked.owningAgency(), asked.auditId(), false, Map.of("auditId", asked.auditId(),
                "actionId", asked.actionId(), "updateDueBy", asked.updateDueBy().toString())));
    }

    public List<Planned> updateMissed(String eventId, ActionUpdateMissed missed) {
        return List.of(new Planned(eventId, Kind.ACTION_UPDATE_MISSED,
                List.of(Recipient.leadOfficer(missed.owningAgency()), Recipient.qaCoordinator()), missed.programmeId(),
                missed.owningAgency(), missed.auditId(), false, Map.of("auditId", missed.auditId(),
                "actionId", missed.actionId(), "updateDueBy", missed.updateDueBy().toString())));
    }

    public List<Planned> overdue(String eventId, ActionOverdue overdue) {
        return List.of(new Planned(eventId, Kind.ACTION_OVERDUE,
                List.of(Recipient.leadOfficer(overdue.owningAgency()), Recipient.qaCoordinator()), overdue.programmeId(),
                overdue.owningAgency(), overdue.auditId(), false, Map.of("auditId", overdue.auditId(),
                "actionId", overdue.actionId(), "dueDate", overdue.dueDate().toString())));
    }
}
