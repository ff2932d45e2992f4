package io.maap.events.auditprogramme;

import io.maap.events.EventType;

import java.time.LocalDate;

/**
 * The audit report (findings, recommendations, outline action plan) has been drafted after the
 * challenge day. Sent once per audit. Reaches {@link Milestone#REPORT_DRAFTED}.
 *
 * @param auditId     the audit
 * @param programmeId the programme that holds it
 * @param draftedOn   the day the draft was completed
 * @param draftedBy   who drafted it, e.g. "QA Coordinator and Strategic Safeguarding Manager"
 */
@EventType(name = "maap.audit.report-drafted", version = 1)
public record AuditReportDrafted(
        String auditId,
        String programmeId,
        LocalDate draftedOn,
        String draftedBy) implements AuditProgrammeEvent {
}
