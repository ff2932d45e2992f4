package io.maap.auditprogramme.audit.web;

import io.maap.events.auditprogramme.AuditLearningDisseminated;
import io.maap.events.auditprogramme.AuditSuccessMeasureEvaluated;
import io.maap.events.auditprogramme.DeliberateOverride;
import io.maap.support.web.Patterns;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/** The bodies of the lifecycle steps of an audit. */
public final class LifecycleRequests {

    private LifecycleRequests() {
    }

    /** Who set a rule of time aside, and why. */
    public record Override(@NotBlank @Size(max = 120) String decidedBy, @NotBlank @Size(max = 500) String reason) {

        static DeliberateOverride toOverride(Override override) {
            return override == null ? null : new DeliberateOverride(override.decidedBy().strip(), override.reason().strip());
        }
    }

    /** A step taken on a day by someone: analysis, report drafted, sign-off, start of monitoring. */
    public record Step(@NotNull LocalDate on, @NotBlank @Size(max = 120) String by) {
    }

    /** The Board's sign-off: the QA coordinator recording it names the Board meeting; a Board member need not. */
    public record SignOff(@NotNull LocalDate on, @NotBlank @Size(max = 120) String by,
                          @Size(max = 200) String boardMeeting) {
    }

    public record CloseReturns(@NotNull LocalDate finalSubmissionOn, @NotBlank @Size(max = 120) String closedBy) {
    }

    public record ScheduleChallengeDay(@NotNull LocalDate challengeDayOn, @Size(max = 120) String chair,
                                       @Valid Override override) {
    }

    /** The agenda went out on {@code sentOn} (today when absent); {@code override} explains a late one. */
    public record AgendaSent(LocalDate sentOn, @Valid Override override) {
    }

    /** {@code agendaSentOn} may be left out once the agenda was recorded as sent: the day recorded is taken. */
    public record HoldChallengeDay(@NotNull LocalDate heldOn, @NotBlank @Size(max = 120) String chair,
                                   LocalDate agendaSentOn, @Valid Override override) {
    }

    public record CloseAudit(@NotNull LocalDate closedOn, @NotBlank @Size(max = 120) String closedBy,
                             @NotBlank @Size(max = 4000) String evaluation) {
    }

    public record RescheduleMilestone(@NotNull @Valid PlannedDateBody planned, @NotBlank @Size(max = 120) String decidedBy,
                                      @NotBlank @Size(max = 500) String reason) {
    }

    public record CompleteActivity(@NotNull LocalDate completedOn) {
    }

    /** The body of {@code PUT /api/audits/{auditId}/success-measures}. */
    public record SuccessMeasures(@NotNull @Size(max = 20) List<PlanAuditRequest.@NotNull @Valid SuccessMeasureBody> measures) {
    }

    /** The body of {@code POST /api/audits/{auditId}/success-measures/{measureId}/evaluation}. */
    public record Evaluation(@NotNull AuditSuccessMeasureEvaluated.Outcome outcome, @NotBlank @Size(max = 4000) String evidence,
                             @NotNull LocalDate evaluatedOn, @NotBlank @Size(max = 120) String evaluatedBy) {
    }

    /** The body of {@code POST /api/audits/{auditId}/disseminations}. */
    public record Dissemination(@NotBlank @Pattern(regexp = Patterns.ID, message = Patterns.ID_MESSAGE) String disseminationId,
                                @NotNull AuditLearningDisseminated.Channel channel, @NotBlank @Size(max = 1000) String what,
                                @NotBlank @Size(max = 500) String sentTo, @NotNull LocalDate sentOn) {
    }
}
