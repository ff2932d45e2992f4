package io.maap.events.auditprogramme;

import io.maap.events.EventType;
import io.maap.events.Nullable;

import java.time.LocalDate;

/**
 * An audit, or a finding or an action of an audit, has been linked to a priority of a business
 * plan, so that the Board's scorecard by priority counts it. Linking the same item again changes
 * nothing.
 *
 * @param planId     the business plan
 * @param priorityId the priority, e.g. "2.2"
 * @param kind       what is linked
 * @param auditId    the audit, or the audit the finding or action belongs to
 * @param itemId     the finding's or action's id within its audit; null when the audit itself is linked
 * @param linkedOn   the day it was linked
 * @param linkedBy   the user who linked it
 */
@EventType(name = "maap.business-plan.item-linked", version = 1)
public record BusinessPlanItemLinked(
        String planId,
        String priorityId,
        Kind kind,
        String auditId,
        @Nullable String itemId,
        LocalDate linkedOn,
        String linkedBy) implements BusinessPlanEvent {

    /** What kind of item is linked to the priority. */
    public enum Kind { AUDIT, FINDING, ACTION }
}
