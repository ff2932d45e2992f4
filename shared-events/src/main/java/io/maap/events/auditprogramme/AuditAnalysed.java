package io.maap.events.auditprogramme;

import io.maap.events.EventType;

import java.time.LocalDate;

/**
 * The QA group has analysed an audit's returns and the themes emerging from them. Sent once per
 * audit, after its returns were closed. Reaches {@link Milestone#ANALYSED}.
 *
 * @param auditId     the audit
 * @param programmeId the programme that holds it
 * @param analysedOn  the day of the analysis
 * @param analysedBy  who analysed, e.g. "QA Sub-Group"
 */
@EventType(name = "maap.audit.analysed", version = 1)
public record AuditAnalysed(
        String auditId,
        String programmeId,
        LocalDate analysedOn,
        String analysedBy) implements AuditProgrammeEvent {
}
