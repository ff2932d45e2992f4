package io.maap.events.auditprogramme;

import io.maap.events.EventType;
import io.maap.events.Nullable;

import java.time.LocalDate;

/**
 * One agency has taken the next step of a Section 11 audit. The steps come in order for each
 * agency: its self-assessment is submitted, challenged at a panel, reviewed and resubmitted, and
 * its action plan is received (the plan itself lives in action-plan-service). Sent once per
 * agency and step.
 *
 * @param auditId     the Section 11 audit
 * @param programmeId the programme that holds it
 * @param agency      the agency code
 * @param step        the step taken
 * @param on          the day it was taken
 * @param by          who chaired the panel, or who submitted; free text; null when not given
 */
@EventType(name = "maap.section-11.agency-step-recorded", version = 1)
public record Section11AgencyStepRecorded(
        String auditId,
        String programmeId,
        String agency,
        Step step,
        LocalDate on,
        @Nullable String by) implements AuditProgrammeEvent {

    /** The per-agency steps of a Section 11 audit, in order. */
    public enum Step {
        SELF_ASSESSMENT_SUBMITTED,
        CHALLENGE_PANEL_HELD,
        SELF_ASSESSMENT_RESUBMITTED,
        ACTION_PLAN_RECEIVED
    }
}
