package io.maap.auditprogramme.section11.command;

import io.maap.events.auditprogramme.DeliberateOverride;
import io.maap.events.auditprogramme.Section11ActionPlansPresented;
import io.maap.events.auditprogramme.Section11AgencyStepRecorded;
import io.maap.events.auditprogramme.Section11AgencyStepRecorded.Step;
import io.maap.events.auditprogramme.Section11AuditClosed;
import io.maap.events.auditprogramme.Section11AuditPlanned;
import io.maap.events.auditprogramme.Section11MonitoringReviewed;
import io.maap.support.domain.RuleViolation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import io.maap.support.axon.AxonSupportAutoConfiguration;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A Section 11 audit: every agency self-assesses, is challenged at a panel, resubmits and sends an
 * action plan, in that order; the plans go to the Board, which monitors them until the audit is
 * closed and evaluated.
 */
@Aggregate(cache = AxonSupportAutoConfiguration.AGGREGATE_CACHE)
public class Section11Audit {

    private enum Stage { PLANNED, PRESENTED, MONITORED, CLOSED }

    @AggregateIdentifier
    private String auditId;
    private String programmeId;
    private Stage stage;
    private Section11AuditPlanned planned;
    private final Map<String, Section11AgencyStepRecorded> lastStepByAgency = new HashMap<>();
    private final Set<LocalDate> reviews = new HashSet<>();
    private Section11ActionPlansPresented presented;
    private Section11AuditClosed closed;

    protected Section11Audit() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(PlanSection11Audit command) {
        var event = new Section11AuditPlanned(command.auditId(), command.programmeId(), command.title(),
                command.businessPlanPriorities(), command.leadOfficer(), command.timescale(), command.agencies(),
                command.commence(), command.presentedToExecutive(), command.phases());
        if (event.equals(planned)) {
            return;
        }
        if (planned != null) {
            throw new RuleViolation("audit-already-exists",
                    "Section 11 audit " + command.auditId() + " is already planned with other details.");
        }
        if (command.agencies().isEmpty()) {
            throw new RuleViolation("no-participating-agencies", "At least one agency must self-assess.");
        }
        if (new HashSet<>(command.agencies()).size() != command.agencies().size()) {
            throw new RuleViolation("duplicate-agency", "An agency appears twice.");
        }
        apply(event);
    }

    @CommandHandler
    public void handle(RecordAgencyStep command, Clock clock) {
        requireSection11Audit();
        if (!planned.agencies().contains(command.agency())) {
            throw new RuleViolation("unknown-agency", "Agency '" + command.agency()
                    + "' does not take part in Section 11 audit " + auditId + ".");
        }
        var event = new Section11AgencyStepRecorded(auditId, programmeId, command.agency(), command.step(),
                command.on(), command.by());
        Section11AgencyStepRecorded last = lastStepByAgency.get(command.agency());
        if (event.equals(last)) {
            return;
        }
        Step expected = last == null ? Step.SELF_ASSESSMENT_SUBMITTED
                : last.step().ordinal() + 1 < Step.values().length ? Step.values()[last.step().ordinal() + 1] : null;
        if (command.step() != expected) {
            throw new RuleViolation("illegal-transition", "Cannot record " + describe(command.step()) + " for agency '"
                    + command.agency() + "': " + (expected == null ? "its action plan was already received."
                    : "the next step is " + describe(expected) + "."));
        }
        if (stage == Stage.CLOSED) {
            throw new RuleViolation("audit-closed", "Section 11 audit " + auditId + " is closed.");
        }
        requirePastAndAfter(command.on(), last == null ? null : last.on(), clock);
        apply(event);
    }

    @CommandHandler
    public void handle(PresentActionPlans command, Clock clock) {
        requireSection11Audit();
        List<String> missing = planned.agencies().stream()
                .filter(agency -> lastStepByAgency.get(agency) == null
                        || lastStepByAgency.get(agency).step() != Step.ACTION_PLAN_RECEIVED)
                .toList();
        var event = new Section11ActionPlansPresented(auditId, programmeId, command.presentedOn(), command.presentedTo(),
                missing, missing.isEmpty() ? null : command.override());
        if (event.equals(presented)) {
            return;
        }
        if (stage != Stage.PLANNED) {
            throw new RuleViolation("illegal-transition", "The action plans of Section 11 audit " + auditId
                    + " were already presented on " + presented.presentedOn() + ".");
        }
        DeliberateOverride override = command.override();
        if (!missing.isEmpty() && (override == null || blank(override.decidedBy()) || blank(override.reason()))) {
            throw new RuleViolation("action-plans-missing", "No action plan yet from " + String.join(", ", missing)
                    + "; presenting without them needs who decided it and why.");
        }
        requirePastAndAfter(command.presentedOn(), null, clock);
        apply(event);
    }

    @CommandHandler
    public void handle(RecordMonitoringReview command, Clock clock) {
        requireSection11Audit();
        if (reviews.contains(command.reviewedOn())) {
            return;
        }
        if (stage == Stage.PLANNED || stage == Stage.CLOSED) {
            throw new RuleViolation("illegal-transition", "Cannot record a monitoring review of Section 11 audit "
                    + auditId + ": " + (stage == Stage.PLANNED ? "its action plans have not been presented yet." : "it is closed."));
        }
        requirePastAndAfter(command.reviewedOn(), presented.presentedOn(), clock);
        apply(new Section11MonitoringReviewed(auditId, programmeId, command.reviewedOn(), command.reviewedBy()));
    }

    @CommandHandler
    public void handle(CloseSection11Audit command, Clock clock) {
        requireSection11Audit();
        var event = new Section11AuditClosed(auditId, programmeId, command.closedOn(), command.closedBy(), command.evaluation());
        if (event.equals(closed)) {
            return;
        }
        if (stage != Stage.MONITORED) {
            throw new RuleViolation("illegal-transition", "Cannot close Section 11 audit " + auditId + ": "
                    + (stage == Stage.CLOSED ? "it is already closed." : "the Board has not reviewed the action plans yet."));
        }
        if (blank(command.evaluation())) {
            throw new RuleViolation("evaluation-missing", "A Section 11 audit is closed with an evaluation of the process.");
        }
        requirePastAndAfter(command.closedOn(), reviews.stream().max(LocalDate::compareTo).orElse(null), clock);
        apply(event);
    }

    private void requireSection11Audit() {
        if (planned == null) {
            throw new RuleViolation("not-a-section-11-audit", "Audit " + auditId + " is not a Section 11 audit.");
        }
    }

    private static void requirePastAndAfter(LocalDate on, LocalDate previous, Clock clock) {
        if (on.isAfter(LocalDate.now(clock))) {
            throw new RuleViolation("date-in-future", "The date " + on + " is in the future; record a step once it happened.");
        }
        if (previous != null && on.isBefore(previous)) {
            throw new RuleViolation("date-before-previous-step", "The date " + on + " is before the previous step (" + previous + ").");
        }
    }

    private static String describe(Step step) {
        return step.name().toLowerCase().replace('_', ' ');
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    @EventSourcingHandler
    void on(Section11AuditPlanned event) {
        auditId = event.auditId();
        programmeId = event.programmeId();
        planned = event;
        stage = Stage.PLANNED;
    }

    @EventSourcingHandler
    void on(Section11AgencyStepRecorded event) {
        lastStepByAgency.put(event.agency(), event);
    }

    @EventSourcingHandler
    void on(Section11ActionPlansPresented event) {
        presented = event;
        stage = Stage.PRESENTED;
    }

    @EventSourcingHandler
    void on(Section11MonitoringReviewed event) {
        reviews.add(event.reviewedOn());
        stage = Stage.MONITORED;
    }

    @EventSourcingHandler
    void on(Section11AuditClosed event) {
        closed = event;
        stage = Stage.CLOSED;
    }
}
