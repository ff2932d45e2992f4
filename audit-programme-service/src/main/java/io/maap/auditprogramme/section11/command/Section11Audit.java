package io.maap.auditprogramme.section11.command;

import io.maap.events.auditprogramme.Section11ActionPlansPresented;
import io.maap.events.auditprogramme.Section11AgencyStepRecorded;
import io.maap.events.auditprogramme.Section11AgencyStepRecorded.Step;
import io.maap.events.auditprogramme.Section11AuditClosed;
import io.maap.events.auditprogramme.Section11AuditPlanned;
import io.maap.events.auditprogramme.Section11MonitoringReviewed;
import io.maap.support.axon.AxonSupportAutoConfiguration;
import io.maap.support.domain.RuleViolation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

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
 * closed and evaluated. What each command must hold is in {@link Section11Rules}.
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
        Section11Rules.requireAgencies(command.agencies());
        apply(event);
    }

    @CommandHandler
    public void handle(RecordAgencyStep command) {
        requireSection11Audit(command.auditId());
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
        Section11Rules.requireNextStep(command, last);
        if (stage == Stage.CLOSED) {
            throw new RuleViolation("audit-closed", "Section 11 audit " + auditId + " is closed.");
        }
        Section11Rules.requirePastAndAfter(command.on(), last == null ? null : last.on(), command.today());
        apply(event);
    }

    @CommandHandler
    public void handle(PresentActionPlans command) {
        requireSection11Audit(command.auditId());
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
        Section11Rules.requireActionPlans(missing, command.override());
        Section11Rules.requirePastAndAfter(command.presentedOn(), null, command.today());
        apply(event);
    }

    @CommandHandler
    public void handle(RecordMonitoringReview command) {
        requireSection11Audit(command.auditId());
        if (reviews.contains(command.reviewedOn())) {
            return;
        }
        if (stage == Stage.PLANNED || stage == Stage.CLOSED) {
            throw new RuleViolation("illegal-transition", "Cannot record a monitoring review of Section 11 audit "
                    + auditId + ": " + (stage == Stage.PLANNED ? "its action plans have not been presented yet." : "it is closed."));
        }
        Section11Rules.requirePastAndAfter(command.reviewedOn(), presented.presentedOn(), command.today());
        apply(new Section11MonitoringReviewed(auditId, programmeId, command.reviewedOn(), command.reviewedBy()));
    }

    @CommandHandler
    public void handle(CloseSection11Audit command) {
        requireSection11Audit(command.auditId());
        var event = new Section11AuditClosed(auditId, programmeId, command.closedOn(), command.closedBy(), command.evaluation());
        if (event.equals(closed)) {
            return;
        }
        if (stage != Stage.MONITORED) {
            throw new RuleViolation("illegal-transition", "Cannot close Section 11 audit " + auditId + ": "
                    + (stage == Stage.CLOSED ? "it is already closed." : "the Board has not reviewed the action plans yet."));
        }
        Section11Rules.requireEvaluation(command.evaluation());
        LocalDate lastReview = reviews.stream().max(LocalDate::compareTo).orElse(null);
        Section11Rules.requirePastAndAfter(command.closedOn(), lastReview, command.today());
        apply(event);
    }

    /** The stream may belong to a themed audit, whose events this aggregate does not read. */
    private void requireSection11Audit(String id) {
        if (planned == null) {
            throw new RuleViolation("not-a-section-11-audit", "Audit " + id + " is not a Section 11 audit.");
        }
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
