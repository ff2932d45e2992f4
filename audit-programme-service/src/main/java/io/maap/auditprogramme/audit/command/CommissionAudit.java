package io.maap.auditprogramme.audit.command;

import io.maap.events.auditprogramme.AuditCommissioned.AuditQuestion;
import io.maap.events.auditprogramme.AuditCommissioned.SampledCase;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/**
 * Send the audit tool and the case sample to the participating agencies. The return deadline is
 * the 15th working day after {@code toolSentOn} unless {@code deadlineOverride} sets another,
 * with who decided it and why.
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
        List<String> participatingAgencies) {

    /** A return deadline set deliberately, away from the 15-working-day default. */
    public record DeadlineOverride(LocalDate returnDeadline, String decidedBy, String reason) {
    }
}
