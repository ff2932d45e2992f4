package io.maap.auditprogramme.audit.web;

import io.maap.auditprogramme.audit.command.CommissionAudit;
import io.maap.auditprogramme.audit.command.PartnershipPolicy;
import io.maap.events.CaseType;
import io.maap.events.auditprogramme.AuditCommissioned.AuditQuestion;
import io.maap.events.auditprogramme.AuditCommissioned.SampledCase;
import io.maap.support.web.Patterns;
import io.swagger.v3.oas.annotations.media.Schema;
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

    /**
     * A sampled case. Its reference is issued by the partnership when the audit is commissioned;
     * one given here must be one the programme issued before (a case audited again), else 422.
     */
    public record Case(@Schema(description = "Leave out: the partnership issues it, e.g. RBR-1704-N03. Only a reference "
            + "the programme issued before may be given (a case audited again).")
                       @Pattern(regexp = Patterns.CASE_REFERENCE, message = Patterns.CASE_REFERENCE_MESSAGE) String caseReference,
                       @NotNull CaseType caseType) {
    }

    /** The sample as asked for, references not yet issued. */
    List<SampledCase> sample() {
        return cases.stream().map(c -> new SampledCase(c.caseReference(), c.caseType())).toList();
    }

    CommissionAudit toCommand(String auditId, PartnershipPolicy policy, List<SampledCase> referencedSample) {
        return new CommissionAudit(auditId, programmeId, title.strip(), theme.strip(), leadOfficer.strip(), toolSentOn,
                deadlineOverride == null ? null : new CommissionAudit.DeadlineOverride(
                        deadlineOverride.returnDeadline(), deadlineOverride.decidedBy().strip(), deadlineOverride.reason().strip()),
                questions.stream().map(q -> new AuditQuestion(q.questionId(), q.text().strip(), q.graded())).toList(),
                referencedSample, participatingAgencies, policy);
    }
}
