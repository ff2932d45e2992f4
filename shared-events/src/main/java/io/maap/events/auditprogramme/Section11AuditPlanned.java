package io.maap.events.auditprogramme;

import io.maap.events.EventType;

import java.util.List;

/**
 * A Section 11 audit has been planned in a programme: each statutory partner assesses its own
 * safeguarding arrangements (Children Act 2004, s.11), the partnership challenges the
 * self-assessments at panels, the agencies review and resubmit them and send action plans,
 * which the Board then monitors. Sent once per Section 11 audit.
 *
 * @param auditId                the partnership's identifier for the Section 11 audit
 * @param programmeId            the programme that holds it
 * @param title                  its title, e.g. "Section 11 Audit 2016-2018"
 * @param businessPlanPriorities the business-plan priorities it serves
 * @param leadOfficer            the role or person leading it
 * @param timescale              the timescale as the programme words it, e.g. "2016 - 2018"
 * @param agencies               the agency codes that self-assess
 * @param commence               when the process commences (the programme schedule's "commence")
 * @param presentedToExecutive   when it is planned to be presented to the Executive
 * @param phases                 the phases with their planned dates: challenge panels, review, resubmission,
 *                               action planning, Board presentation, monitoring, evaluation
 */
@EventType(name = "maap.section-11.planned", version = 1)
public record Section11AuditPlanned(
        String auditId,
        String programmeId,
        String title,
        List<String> businessPlanPriorities,
        String leadOfficer,
        String timescale,
        List<String> agencies,
        PlannedDate commence,
        PlannedDate presentedToExecutive,
        List<AuditPlanned.Activity> phases) implements AuditProgrammeEvent {

    public Section11AuditPlanned {
        businessPlanPriorities = List.copyOf(businessPlanPriorities);
        agencies = List.copyOf(agencies);
        phases = List.copyOf(phases);
    }
}
