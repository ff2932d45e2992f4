package io.maap.auditprogramme.section11.web;

import io.maap.auditprogramme.audit.web.PlanAuditRequest;
import io.maap.auditprogramme.audit.web.PlannedDateBody;
import io.maap.events.auditprogramme.Section11AgencyStepRecorded;
import io.maap.support.web.Patterns;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/** The bodies of the Section 11 endpoints. */
public final class Section11Requests {

    private Section11Requests() {
    }

    public record Plan(
            @NotBlank @Pattern(regexp = Patterns.ID, message = Patterns.ID_MESSAGE) String auditId,
            @NotBlank @Size(max = 200) String title,
            @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 300) String> businessPlanPriorities,
            @NotBlank @Size(max = 120) String leadOfficer,
            @NotBlank @Size(max = 100) String timescale,
            @NotEmpty @Size(max = 50) List<@NotBlank @Pattern(regexp = Patterns.AGENCY, message = Patterns.AGENCY_MESSAGE) String> agencies,
            @NotNull @Valid PlannedDateBody commence,
            @NotNull @Valid PlannedDateBody presentedToExecutive,
            @Size(max = 30) List<PlanAuditRequest.@Valid Activity> phases) {
    }

    public record AgencyStep(@NotNull Section11AgencyStepRecorded.Step step, @NotNull LocalDate on,
                             @Size(max = 120) String by) {
    }

    public record Override(@NotBlank @Size(max = 120) String decidedBy, @NotBlank @Size(max = 500) String reason) {
    }

    public record Presentation(@NotNull LocalDate on, @NotBlank @Size(max = 120) String to, @Valid Override override) {
    }

    public record Review(@NotNull LocalDate on, @NotBlank @Size(max = 120) String by) {
    }

    public record Closure(@NotNull LocalDate closedOn, @NotBlank @Size(max = 120) String closedBy,
                          @NotBlank @Size(max = 4000) String evaluation) {
    }
}
