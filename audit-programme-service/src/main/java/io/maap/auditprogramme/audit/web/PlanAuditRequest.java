package io.maap.auditprogramme.audit.web;

import io.maap.auditprogramme.audit.command.PlanAudit;
import io.maap.events.CaseType;
import io.maap.events.auditprogramme.AuditPlanned;
import io.maap.events.auditprogramme.AuditSuccessMeasuresSet;
import io.maap.events.auditprogramme.Milestone;
import io.maap.support.web.Patterns;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/** The body of {@code POST /api/programmes/{programmeId}/audits}. */
public record PlanAuditRequest(
        @Pattern(regexp = Patterns.ID, message = Patterns.ID_MESSAGE) String auditId,
        @NotBlank @Size(max = 200) String title,
        @NotBlank @Size(max = 100) String theme,
        @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 300) String> businessPlanPriorities,
        @NotBlank @Size(max = 120) String leadOfficer,
        @NotBlank @Size(max = 100) String timescale,
        @Size(max = 50) List<@NotBlank @Size(max = 1000) String> keyLinesOfEnquiry,
        @Size(max = 10) List<@NotBlank @Size(max = 60) String> gradingScale,
        @Size(max = 10) List<@Valid SampleSize> plannedSample,
        @Size(max = 8) List<@Valid PlannedMilestone> milestones,
        @Size(max = 30) List<@Valid Activity> activities,
        @Size(max = 20) List<@Valid SuccessMeasureBody> successMeasures) {

    public record SampleSize(@NotNull CaseType caseType, @Min(1) @Max(100) int count) {
    }

    public record PlannedMilestone(@NotNull Milestone milestone, @NotNull @Valid PlannedDateBody plannedDate) {
    }

    public record Activity(@NotBlank @Pattern(regexp = Patterns.ID, message = Patterns.ID_MESSAGE) String activityId,
                           @NotBlank @Size(max = 500) String description,
                           @NotNull @Valid PlannedDateBody startsOn,
                           @Valid PlannedDateBody endsOn) {
    }

    /** One measure of the audit's success, evaluated at closure. */
    public record SuccessMeasureBody(@NotBlank @Pattern(regexp = Patterns.ID, message = Patterns.ID_MESSAGE) String measureId,
                                     @NotBlank @Size(max = 1000) String description) {

        AuditSuccessMeasuresSet.SuccessMeasure toMeasure() {
            return new AuditSuccessMeasuresSet.SuccessMeasure(measureId, description.strip());
        }
    }

    PlanAudit toCommand(String auditId, String programmeId, String plannedBy) {
        return new PlanAudit(auditId, programmeId, title.strip(), theme.strip(),
                businessPlanPriorities.stream().map(String::strip).toList(), leadOfficer.strip(), timescale.strip(),
                orEmpty(keyLinesOfEnquiry).stream().map(String::strip).toList(),
                orEmpty(gradingScale).stream().map(String::strip).toList(),
                orEmpty(plannedSample).stream().map(s -> new AuditPlanned.PlannedSample(s.caseType(), s.count())).toList(),
                orEmpty(milestones).stream()
                        .map(m -> new AuditPlanned.PlannedMilestone(m.milestone(), m.plannedDate().toPlannedDate())).toList(),
                orEmpty(activities).stream().map(a -> new AuditPlanned.Activity(a.activityId(), a.description().strip(),
                        a.startsOn().toPlannedDate(), a.endsOn() == null ? null : a.endsOn().toPlannedDate())).toList(),
                orEmpty(successMeasures).stream().map(SuccessMeasureBody::toMeasure).toList(), plannedBy);
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
