package io.maap.auditprogramme.section11.command;

import io.maap.events.auditprogramme.AuditPlanned;
import io.maap.events.auditprogramme.PlannedDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** Enter a Section 11 audit into an agreed programme: the agencies that self-assess and the phases with their dates. */
public record PlanSection11Audit(
        @TargetAggregateIdentifier String auditId,
        String programmeId,
        String title,
        List<String> businessPlanPriorities,
        String leadOfficer,
        String timescale,
        List<String> agencies,
        PlannedDate commence,
        PlannedDate presentedToExecutive,
        List<AuditPlanned.Activity> phases) {
}
