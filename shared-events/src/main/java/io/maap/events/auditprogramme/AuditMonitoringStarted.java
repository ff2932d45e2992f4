package io.maap.events.auditprogramme;

import io.maap.events.EventType;

import java.time.LocalDate;

/**
 * Monitoring of a signed-off audit's action plan has started: progress is now reported to the
 * monitoring group. Sent once per audit. Reaches {@link Milestone#MONITORING_STARTED}.
 *
 * @param auditId     the audit
 * @param programmeId the programme that holds it
 * @param startedOn   the day monitoring started
 * @param monitoredBy the group that monitors, e.g. "QA Sub-Group"
 */
@EventType(name = "maap.audit.monitoring-started", version = 1)
public record AuditMonitoringStarted(
        String auditId,
        String programmeId,
        LocalDate startedOn,
        String monitoredBy) implements AuditProgrammeEvent {
}
