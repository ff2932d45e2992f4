package io.maap.auditprogramme.businessplan.command;

import io.maap.events.auditprogramme.BusinessPlanAdopted;
import io.maap.events.auditprogramme.BusinessPlanAdopted.PlanAction;
import io.maap.events.auditprogramme.BusinessPlanAdopted.Priority;
import io.maap.events.auditprogramme.BusinessPlanItemLinked;
import io.maap.support.domain.RuleViolation;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

/** What a business plan, a quarterly rating and a link to a priority must hold. */
final class BusinessPlanRules {

    private BusinessPlanRules() {
    }

    static void requireValidPlan(AdoptBusinessPlan command) {
        if (!command.periodEnd().isAfter(command.periodStart())) {
            throw new RuleViolation("business-plan-period-invalid", "The business plan's period must end after it starts.");
        }
        if (command.adoptedOn().isAfter(command.today())) {
            throw new RuleViolation("date-in-future", "The adoption date " + command.adoptedOn() + " is in the future.");
        }
        if (command.priorities().isEmpty()) {
            throw new RuleViolation("business-plan-without-priorities", "A business plan has at least one priority.");
        }
        Set<String> priorities = new HashSet<>();
        Set<String> actions = new HashSet<>();
        for (Priority priority : command.priorities()) {
            if (!priorities.add(priority.priorityId())) {
                throw new RuleViolation("priority-duplicated", "Priority " + priority.priorityId() + " is given twice.");
            }
            for (PlanAction action : priority.actions()) {
                if (!actions.add(action.actionId())) {
                    throw new RuleViolation("plan-action-duplicated", "Action " + action.actionId()
                            + " is given twice; each action of the plan needs its own id.");
                }
            }
        }
    }

    /**
     * The quarter of the plan's year in which a day falls: 1 for the first three months of its
     * period, 4 for the last; 0 outside the period.
     */
    static int quarterOf(BusinessPlanAdopted plan, LocalDate day) {
        if (day.isBefore(plan.periodStart()) || day.isAfter(plan.periodEnd())) {
            return 0;
        }
        LocalDate start = plan.periodStart();
        int months = (day.getYear() - start.getYear()) * 12 + day.getMonthValue() - start.getMonthValue()
                - (day.getDayOfMonth() < start.getDayOfMonth() ? 1 : 0);
        return Math.min(4, months / 3 + 1);
    }

    /**
     * A rating names a priority of the plan and a quarter from 1 to 4, gives a reason, and is made
     * neither before the plan was adopted nor in the future nor before the quarter it rates began.
     */
    static void requireValidRating(BusinessPlanAdopted plan, RatePriority command) {
        requirePriority(plan, command.priorityId());
        if (command.quarter() < 1 || command.quarter() > 4) {
            throw new RuleViolation("quarter-invalid", "A plan's year has quarters 1 to 4, not " + command.quarter() + ".");
        }
        if (command.reason() == null || command.reason().isBlank()) {
            throw new RuleViolation("rating-unexplained", "A RAG rating says why: give the reason the Board will read.");
        }
        if (command.ratedOn().isAfter(command.today())) {
            throw new RuleViolation("date-in-future", "The rating date " + command.ratedOn() + " is in the future.");
        }
        if (command.ratedOn().isBefore(plan.adoptedOn())) {
            throw new RuleViolation("rating-before-adoption", "The rating date " + command.ratedOn()
                    + " is before the plan was adopted (" + plan.adoptedOn() + ").");
        }
        int ratedIn = quarterOf(plan, command.ratedOn());
        if (ratedIn != 0 && ratedIn < command.quarter()) {
            throw new RuleViolation("quarter-not-begun", "Quarter " + command.quarter() + " of the plan has not begun on "
                    + command.ratedOn() + " (that day is in quarter " + ratedIn + ").");
        }
    }

    /** An audit is linked without an item id; a finding or an action names its id within the audit. */
    static void requireValidLink(BusinessPlanAdopted plan, LinkToPriority command) {
        requirePriority(plan, command.priorityId());
        boolean hasItem = command.itemId() != null && !command.itemId().isBlank();
        if (command.kind() == BusinessPlanItemLinked.Kind.AUDIT && hasItem) {
            throw new RuleViolation("link-item-unexpected", "An audit is linked as a whole: give no itemId.");
        }
        if (command.kind() != BusinessPlanItemLinked.Kind.AUDIT && !hasItem) {
            throw new RuleViolation("link-item-missing", "A " + command.kind().name().toLowerCase()
                    + " is linked by its id within its audit: give the itemId.");
        }
    }

    private static void requirePriority(BusinessPlanAdopted plan, String priorityId) {
        if (plan.priorities().stream().noneMatch(p -> p.priorityId().equals(priorityId))) {
            throw new RuleViolation("priority-unknown", "Business plan " + plan.planId() + " has no priority '" + priorityId + "'.");
        }
    }
}
