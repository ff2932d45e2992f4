package io.maap.auditprogramme.policy.command;

import io.maap.auditprogramme.audit.command.PartnershipPolicy;
import io.maap.auditprogramme.policy.event.PolicyVersionAdopted;
import io.maap.support.domain.RuleViolation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The partnership's policy versions adopted through the API, after those in the configuration. A new
 * version is numbered after the latest, applies from a day not in the past and after the latest
 * version's, and says who decided it and why; the same version adopted again (a retry) records nothing.
 */
@Aggregate
public class PolicyHistory {

    /** There is one policy history: the partnership's. */
    public static final String ID = "partnership-policy";

    @AggregateIdentifier
    private String policyId;
    private PartnershipPolicy latest;

    protected PolicyHistory() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(AdoptPolicyVersion command) {
        PartnershipPolicy after = latest == null || command.configured().version() > latest.version()
                ? command.configured() : latest;
        PartnershipPolicy proposed = command.policy();
        if (latest != null && numbered(proposed, latest.version()).equals(latest)) {
            return; // the same version again: a retry
        }
        if (blank(proposed.changedBy()) || blank(proposed.reason())) {
            throw new RuleViolation("policy-change-unexplained", "Say who decided the new policy version and why.");
        }
        if (proposed.appliesFrom().isBefore(command.today())) {
            throw new RuleViolation("policy-applies-in-the-past",
                    "A new policy version applies from today or later, not " + proposed.appliesFrom() + ".");
        }
        if (!proposed.appliesFrom().isAfter(after.appliesFrom())) {
            throw new RuleViolation("policy-applies-before-latest", "A new policy version applies after version "
                    + after.version() + ", which applies from " + after.appliesFrom() + ".");
        }
        if (proposed.reminderWorkingDay() >= proposed.returnWorkingDays()) {
            throw new RuleViolation("policy-reminder-after-deadline",
                    "The reminder's working day must come before the return deadline's.");
        }
        PartnershipPolicy adopted = numbered(proposed, after.version() + 1);
        apply(new PolicyVersionAdopted(command.policyId(), adopted.version(), adopted.appliesFrom(), adopted.changedBy(),
                adopted.reason(), adopted.recorded(), command.recordedBy(), command.recordedAt()));
    }

    @EventSourcingHandler
    void on(PolicyVersionAdopted event) {
        policyId = event.policyId();
        latest = PartnershipPolicy.of(event.version(), event.appliesFrom(), event.changedBy(), event.reason(), event.values());
    }

    /** The version numbered {@code version}. */
    public static PartnershipPolicy numbered(PartnershipPolicy p, int version) {
        return new PartnershipPolicy(version, p.appliesFrom(), p.changedBy(), p.reason(), p.returnWorkingDays(),
                p.reminderWorkingDay(), p.challengeDayWindowWorkingDays(), p.laterChallengeDay(),
                p.agendaWorkingDaysBefore(), p.resubmissionWorkingDays(), p.nilReturnMeaning(),
                p.nilReturnLookbackMonths(), p.calendarNation(), p.disseminationOptional());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
