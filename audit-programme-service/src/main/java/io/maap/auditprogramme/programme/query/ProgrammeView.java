package io.maap.auditprogramme.programme.query;

import io.maap.events.auditprogramme.PlannedDate;

import java.time.LocalDate;
import java.util.List;

/**
 * A programme with its audits and its schedule: the table at the end of a programme document
 * (audit, commence, round table, presented to Executive), planned against actual.
 */
public record ProgrammeView(
        String programmeId,
        String partnership,
        String title,
        LocalDate periodStart,
        LocalDate periodEnd,
        LocalDate agreedOn,
        String agreedBy,
        List<AuditSummary> audits,
        List<ScheduleRow> schedule) {

    public record AuditSummary(String auditId, String kind, String title, String theme, String status,
                               List<String> businessPlanPriorities, String leadOfficer, String timescale) {
    }

    /** One line of the programme schedule; a null column is "N/A" (e.g. Section 11 has no round table). */
    public record ScheduleRow(String auditId, String title, ScheduleDate commence, ScheduleDate roundTable,
                              ScheduleDate presentedToExecutive) {
    }

    /** A planned date, as the document words it ({@code plannedText}), and the actual date once reached. */
    public record ScheduleDate(PlannedDate planned, String plannedText, LocalDate actual) {
    }
}
