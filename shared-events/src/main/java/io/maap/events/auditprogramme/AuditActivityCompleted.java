package io.maap.events.auditprogramme;

import io.maap.events.EventType;

import java.time.LocalDate;

/**
 * One of an audit's other activities (an observation, a questionnaire, a session with the Youth
 * Council) has been completed. Sent once per planned activity.
 *
 * @param auditId     the audit
 * @param programmeId the programme that holds it
 * @param activityId  the activity, as {@link AuditPlanned.Activity#activityId()} names it
 * @param completedOn the day it was completed
 */
@EventType(name = "maap.audit.activity-completed", version = 1)
public record AuditActivityCompleted(
        String auditId,
        String programmeId,
        String activityId,
        LocalDate completedOn) implements AuditProgrammeEvent {
}
