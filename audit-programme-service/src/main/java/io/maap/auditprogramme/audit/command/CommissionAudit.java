package io.maap.auditprogramme.audit.command;

import io.maap.events.auditprogramme.AuditCommissioned.AuditQuestion;
import io.maap.events.auditprogramme.AuditCommissioned.SampledCase;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/**
 * Send the audit tool and the case sample to the participating agencies. The return deadline is
 * the 15th working day after {@code toolSentOn} unless {@code deadlineOverride} sets another,
 * with who decided it and why. {@code policy} is the partnership's policy in force on {@code toolSentOn}
 * (null: {@link PartnershipPolicy#DEFAULT}); the audit keeps it for its whole life.
 */
public record CommissionAudit(
        @TargetAggregateIdentifier String auditId,
        String programmeId,
        String title,
        String theme,
        String leadOfficer,
        LocalDate toolSentOn,
        DeadlineOverride deadlineOverride,
        List<AuditQuestion> questions,
        List<SampledCase> cases,
        List<String> participatingAgencies,
        PartnershipPolicy policy) {

    public CommissionAudit {
        policy = policy == null ? PartnershipPolicy.DEFAULT : policy;
    }

    public CommissionAudit(String auditId, String programmeId, String title, String theme, String leadOfficer,
                           LocalDate toolSentOn, DeadlineOverride deadlineOverride, List<AuditQuestion> questions,
                           List<SampledCase> cases, List<String> participatingAgencies) {
        this(auditId, programmeId, title, theme, leadOfficer, toolSentOn, deadlineOverride, questions, cases,
                participatingAgencies, null);
    }

    /** A return deadline set deliberately, away from the 15-working-day default. */
    public record DeadlineOverride(LocalDate returnDeadline, String decidedBy, String reason) {
    }
}
