package io.maap.auditprogramme.audit.command;

import io.maap.events.auditprogramme.AuditPlanned;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** Enter a themed audit into an agreed programme with its scope and planned dates; nothing is sent yet. */
public record PlanAudit(
        @TargetAggregateIdentifier String auditId,
        String programmeId,
        String title,
        String theme,
        List<String> businessPlanPriorities,
        String leadOfficer,
        String timescale,
        List<String> keyLinesOfEnquiry,
        List<String> gradingScale,
        List<AuditPlanned.PlannedSample> plannedSample,
        List<AuditPlanned.PlannedMilestone> milestones,
        List<AuditPlanned.Activity> activities) {
}
