package io.maap.auditprogramme.audit.web;

import io.maap.auditprogramme.audit.command.CommissionAudit;
import io.maap.auditprogramme.audit.command.PartnershipPolicy;
import io.maap.events.CaseType;
import io.maap.events.auditprogramme.AuditCommissioned.AuditQuestion;
import io.maap.events.auditprogramme.AuditCommissioned.SampledCase;
import io.maap.support.web.Patterns;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/** The body of {@code POST /api/audits}. */
public record CommissionAuditRequest(
        @Pattern(regexp = Patterns.ID, message = Patterns.ID_MESSAGE) String auditId,
        @NotBlank @Pattern(regexp = Patterns.ID, message = Patterns.ID_MESSAGE) String programmeId,
        @NotBlank @Size(max = 200) String title,
        @NotBlank @Size(max = 100) String theme,
        @NotBlank @Size(max = 120) String leadOfficer,
        @NotNull LocalDate toolSentOn,
        @Valid DeadlineOverride deadlineOverride,
        @NotEmpty @Size(max = 100) List<@Valid Question> questions,
        @NotEmpty @Size(max = 200) List<@Valid Case> cases,
        @NotEmpty @Size(max = 50) List<@NotBlank @Pattern(regexp = Patterns.AGENCY, message = Patterns.AGENCY_MESSAGE) String> participatingAgencies) {

    public record DeadlineOverride(@NotNull LocalDate returnDeadline, @NotBlank @Size(max = 120) String decidedBy,
                                   @NotBlank @Size(max = 500) String reason) {
    }

    public record Question(@NotBlank @Pattern(regexp = Patterns.ID, message = Patterns.ID_MESSAGE) String questionId,
                           @NotBlank @Size(max = 1000) String text, boolean graded) {
    }

    public record Case(@NotBlank @Pattern(regexp = Patterns.CASE_REFERENCE, message = Patterns.CASE_REFERENCE_MESSAGE) String caseReference,
                       @NotNull CaseType caseType) {
    }

    CommissionAudit toCommand(String auditId, PartnershipPolicy policy) {
        return new CommissionAudit(auditId, programmeId, title.strip(), theme.strip(), leadOfficer.strip(), toolSentOn,
                deadlineOverride == null ? null : new CommissionAudit.DeadlineOverride(
                        deadlineOverride.returnDeadline(), deadlineOverride.decidedBy().strip(), deadlineOverride.reason().strip()),
                questions.stream().map(q -> new AuditQuestion(q.questionId(), q.text().strip(), q.graded())).toList(),
                cases.stream().map(c -> new SampledCase(c.caseReference(), c.caseType())).toList(),
                participatingAgencies, policy);
    }
}
