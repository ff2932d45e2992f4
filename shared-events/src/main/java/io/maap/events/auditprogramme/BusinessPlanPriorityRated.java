package io.maap.events.auditprogramme;

import io.maap.events.EventType;
import io.maap.events.actionplan.Rag;

import java.time.LocalDate;

/**
 * A priority of a business plan has been given its RAG rating for a quarter of the plan's year:
 * who rated it, when and why. A later rating of the same quarter supersedes the earlier one; both
 * stay in the priority's history.
 *
 * @param planId     the business plan
 * @param priorityId the priority, e.g. "2.2"
 * @param quarter    the quarter of the plan's year, 1 to 4 (the first three months of its period are quarter 1)
 * @param rag        the rating
 * @param reason     why, as the rater put it to the Board
 * @param ratedOn    the day of the rating (e.g. the Board meeting)
 * @param ratedBy    who rated it, e.g. "LSCB Executive"
 * @param recordedBy the user who entered it
 */
@EventType(name = "maap.business-plan.priority-rated", version = 1)
public record BusinessPlanPriorityRated(
        String planId,
        String priorityId,
        int quarter,
        Rag rag,
        String reason,
        LocalDate ratedOn,
        String ratedBy,
        String recordedBy) implements BusinessPlanEvent {
}
