package io.maap.events.auditprogramme;

import io.maap.events.EventType;

import java.time.LocalDate;

/**
 * The Board has reviewed the updated Section 11 action plans at one of its meetings. Sent once
 * per review, after the plans were presented.
 *
 * @param auditId     the Section 11 audit
 * @param programmeId the programme that holds it
 * @param reviewedOn  the day of the meeting
 * @param reviewedBy  the board or group, e.g. "LSCB Board (October)"
 */
@EventType(name = "maap.section-11.monitoring-reviewed", version = 1)
public record Section11MonitoringReviewed(
        String auditId,
        String programmeId,
        LocalDate reviewedOn,
        String reviewedBy) implements AuditProgrammeEvent {
}
