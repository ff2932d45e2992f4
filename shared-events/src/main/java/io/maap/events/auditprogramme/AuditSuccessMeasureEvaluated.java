package io.maap.events.auditprogramme;

import io.maap.events.EventType;

import java.time.LocalDate;

/**
 * One of an audit's success measures has been evaluated, with the evidence for the judgement.
 * A later evaluation of the same measure supersedes the earlier one.
 *
 * @param auditId     the audit
 * @param programmeId the programme that holds it
 * @param measureId   the measure
 * @param outcome     met, partly met or not met
 * @param evidence    what shows it, e.g. "Briefing delivered to 64 practitioners on 3 October 2017"
 * @param evaluatedOn the day of the judgement
 * @param evaluatedBy who judged it, e.g. "QA Sub-Group"
 * @param recordedBy  the user who entered it
 */
@EventType(name = "maap.audit.success-measure-evaluated", version = 1)
public record AuditSuccessMeasureEvaluated(
        String auditId,
        String programmeId,
        String measureId,
        Outcome outcome,
        String evidence,
        LocalDate evaluatedOn,
        String evaluatedBy,
        String recordedBy) implements AuditProgrammeEvent {

    /** How far a success measure was met. */
    public enum Outcome { MET, PARTLY_MET, NOT_MET }
}
