package io.maap.events.auditprogramme;

import io.maap.events.EventType;
import io.maap.events.Nullable;

import java.time.LocalDate;
import java.util.List;

/**
 * A partnership's business plan for a year has been adopted as the Board agreed it: its
 * priorities, each under a strategic theme, and each priority's actions with their lead, how they
 * will be achieved, their measure and by when, as the plan words them (seed 002: "Report to LSCB
 * in July 2014", "Ongoing"). Sent once per plan; audits, findings and actions are then linked to
 * its priorities by id ({@link BusinessPlanItemLinked}) and each priority is rated every quarter
 * ({@link BusinessPlanPriorityRated}).
 *
 * @param planId       the partnership's identifier for the plan, e.g. "redbridge-bp-2014-15"
 * @param partnership  the partnership whose plan it is
 * @param title        the plan's title, e.g. "LSCB Business Plan 2014/15"
 * @param periodStart  the first day the plan covers
 * @param periodEnd    the last day the plan covers
 * @param adoptedOn    the day the Board agreed the plan
 * @param adoptedBy    who agreed it, e.g. "LSCB Board"
 * @param recordedBy   the user who entered it
 * @param priorities   the plan's priorities in the plan's order
 */
@EventType(name = "maap.business-plan.adopted", version = 1)
public record BusinessPlanAdopted(
        String planId,
        String partnership,
        String title,
        LocalDate periodStart,
        LocalDate periodEnd,
        LocalDate adoptedOn,
        String adoptedBy,
        String recordedBy,
        List<Priority> priorities) implements BusinessPlanEvent {

    public BusinessPlanAdopted {
        priorities = List.copyOf(priorities);
    }

    /**
     * One priority, e.g. "1.1" "To scrutinise the Early Intervention, Early Years and Healthy Child
     * Action Plans." under the strategic theme "Enabling children and young people to have the best
     * start in life and to tackle problems early."
     */
    public record Priority(String priorityId, String strategicTheme, String title, List<PlanAction> actions) {

        public Priority {
            actions = List.copyOf(actions);
        }
    }

    /**
     * One action of a priority. {@code ref} is the plan's reference ("1.1.2"), null where the plan
     * prints none; {@code lead}, {@code howAchieved}, {@code measure} and {@code byWhen} are null
     * where the plan leaves them blank.
     */
    public record PlanAction(String actionId, @Nullable String ref, String action, @Nullable String lead,
                             @Nullable String howAchieved, @Nullable String measure, @Nullable String byWhen) {
    }
}
