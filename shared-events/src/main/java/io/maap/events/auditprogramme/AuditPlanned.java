package io.maap.events.auditprogramme;

import io.maap.events.Nullable;
import io.maap.events.CaseType;
import io.maap.events.EventType;

import java.util.List;

/**
 * A themed audit has been planned as part of a programme: its scope and its planned dates are
 * agreed, nothing has been sent to agencies yet. Sent once per audit, when the QA coordinator
 * enters it into the programme; {@link AuditCommissioned} follows when the tool goes out.
 *
 * @param auditId                the partnership's identifier for the audit
 * @param programmeId            the programme that holds the audit
 * @param title                  the audit's title as the programme names it
 * @param theme                  the audit theme, e.g. "Neglect"
 * @param businessPlanPriorities the business-plan priorities the audit serves, as the plan numbers or words them
 * @param leadOfficer            the role or person leading the audit
 * @param timescale              the timescale as the programme words it, e.g. "April – June 2017"
 * @param keyLinesOfEnquiry      the key lines of enquiry (KLOE)
 * @param gradingScale           the grades the audit tool's graded questions use, best first; empty when ungraded
 * @param plannedSample          how many cases of each type the sample will hold
 * @param milestones             the planned date of each milestone the plan gives
 * @param activities             other activities of the audit with their own dates (observations, questionnaires, sessions)
 */
@EventType(name = "maap.audit.planned", version = 1)
public record AuditPlanned(
        String auditId,
        String programmeId,
        String title,
        String theme,
        List<String> businessPlanPriorities,
        String leadOfficer,
        String timescale,
        List<String> keyLinesOfEnquiry,
        List<String> gradingScale,
        List<PlannedSample> plannedSample,
        List<PlannedMilestone> milestones,
        List<Activity> activities) implements AuditProgrammeEvent {

    public AuditPlanned {
        businessPlanPriorities = List.copyOf(businessPlanPriorities);
        keyLinesOfEnquiry = List.copyOf(keyLinesOfEnquiry);
        gradingScale = List.copyOf(gradingScale);
        plannedSample = List.copyOf(plannedSample);
        milestones = List.copyOf(milestones);
        activities = List.copyOf(activities);
    }

    /** {@code count} cases of one type in the sample to be chosen. */
    public record PlannedSample(CaseType caseType, int count) {
    }

    /** The planned date of one milestone. */
    public record PlannedMilestone(Milestone milestone, PlannedDate plannedDate) {
    }

    /**
     * Another activity of the audit, e.g. "8 Child Protection Conferences to be observed";
     * {@code endsOn} is null for a one-day activity.
     */
    public record Activity(String activityId, String description, PlannedDate startsOn, @Nullable PlannedDate endsOn) {
    }
}
