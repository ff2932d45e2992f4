package io.maap.events.auditprogramme;

import io.maap.events.Nullable;
import io.maap.events.EventType;

/**
 * The planned date of a milestone not yet reached has been moved, deliberately. Sent each time
 * a planned date changes (other than by commissioning or scheduling the challenge day).
 *
 * @param auditId     the audit
 * @param programmeId the programme that holds it
 * @param milestone   the milestone moved
 * @param previous    the planned date before; null when the milestone had none
 * @param planned     the new planned date
 * @param decidedBy   who moved it
 * @param reason      why
 */
@EventType(name = "maap.audit.milestone-rescheduled", version = 1)
public record AuditMilestoneRescheduled(
        String auditId,
        String programmeId,
        Milestone milestone,
        @Nullable PlannedDate previous,
        PlannedDate planned,
        String decidedBy,
        String reason) implements AuditProgrammeEvent {
}
