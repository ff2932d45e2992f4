package io.maap.auditprogramme.audit.command;

import io.maap.events.auditprogramme.AuditPlanned;
import io.maap.events.auditprogramme.AuditSuccessMeasuresSet;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * Enter a themed audit into an agreed programme with its scope, planned dates and the measures of
 * its success (seed 000's "How we will measure success and impact"); nothing is sent yet.
 * {@code plannedBy} is the user entering it.
 */
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
        List<AuditPlanned.Activity> activities,
        List<AuditSuccessMeasuresSet.SuccessMeasure> successMeasures,
        String plannedBy) {

    public PlanAudit {
        successMeasures = successMeasures == null ? List.of() : List.copyOf(successMeasures);
    }

    /** A plan without success measures (they may be set later, before the audit closes). */
    public PlanAudit(String auditId, String programmeId, String title, String theme, List<String> businessPlanPriorities,
                     String leadOfficer, String timescale, List<String> keyLinesOfEnquiry, List<String> gradingScale,
                     List<AuditPlanned.PlannedSample> plannedSample, List<AuditPlanned.PlannedMilestone> milestones,
                     List<AuditPlanned.Activity> activities) {
        this(auditId, programmeId, title, theme, businessPlanPriorities, leadOfficer, timescale, keyLinesOfEnquiry,
                gradingScale, plannedSample, milestones, activities, List.of(), null);
    }
}
