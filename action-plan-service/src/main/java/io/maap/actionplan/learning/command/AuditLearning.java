package io.maap.actionplan.learning.command;

import io.maap.actionplan.aspect.command.AspectCatalogue;
import io.maap.actionplan.learning.event.AuditRegistered;
import io.maap.events.actionplan.ActionAdded;
import io.maap.events.actionplan.ActionPlanDrafted;
import io.maap.events.actionplan.FindingRecorded;
import io.maap.support.axon.AxonSupportAutoConfiguration;
import io.maap.support.domain.ActorAccess;
import io.maap.support.domain.NotVisible;
import io.maap.support.calendar.Lateness;
import io.maap.support.calendar.WorkingDayCalendar;
import io.maap.support.domain.RuleViolation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.modelling.command.ForwardMatchingInstances;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * What was learnt from one audit and what is done about it: the findings, the {@link ActionPlan}s
 * answering them and their {@link Action}s. One aggregate per audit, because some rules cross these
 * parts: an action addresses findings of the same audit and is owned by an agency that took part in
 * it. Those rules are here; each plan and action keeps its own. Events reach a plan or an action
 * only when they name its id.
 */
@Aggregate(cache = AxonSupportAutoConfiguration.AGGREGATE_CACHE)
public class AuditLearning {

    @AggregateIdentifier
    private String auditId;
    private String programmeId;
    private Set<String> participatingAgencies = Set.of();
    private boolean section11;
    @AggregateMember(eventForwardingMode = ForwardMatchingInstances.class)
    private final Map<String, Finding> findings = new LinkedHashMap<>();
    @AggregateMember(eventForwardingMode = ForwardMatchingInstances.class)
    private final Map<String, ActionPlan> plans = new LinkedHashMap<>();
    @AggregateMember(eventForwardingMode = ForwardMatchingInstances.class)
    private final Map<String, Action> actions = new LinkedHashMap<>();

    protected AuditLearning() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RegisterAudit command) {
        if (auditId != null) {
            return; // the commissioning arrived again
        }
        apply(new AuditRegistered(command.auditId(), command.programmeId(), command.title(), command.theme(),
                command.participatingAgencies()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordFinding command, AspectCatalogue aspects) {
        requireKnown(command.auditId());
        String label = aspects.label(command.aspect()).orElseThrow(() -> new RuleViolation("aspect-unknown",
                "'" + command.aspect() + "' is not an aspect of the partnership's taxonomy: register it first."));
        requireParticipating(command.agencies());
        FindingRecorded event = new FindingRecorded(command.findingId(), auditId, programmeId, command.aspect(), label,
                command.kind(), command.agencies(), command.references(), command.summary(), command.recommendation(),
                command.recordedBy(), command.recordedOn());
        Finding existing = findings.get(command.findingId());
        if (!Retries.isRepeat(existing == null ? null : existing.recorded(), event, "finding-id-taken",
                "finding " + command.findingId())) {
            apply(event);
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(DraftActionPlan command) {
        requireKnown(command.auditId());
        if (command.agency() != null) {
            requireParticipating(List.of(command.agency()));
        } else if (section11) {
            throw new RuleViolation("agency-required", "A Section 11 action plan is an agency's own: name the agency.");
        }
        ActionPlanDrafted event = new ActionPlanDrafted(command.planId(), auditId, programmeId, command.agency(),
                command.title(), command.draftedBy(), command.draftedOn());
        ActionPlan existing = plans.get(command.planId());
        if (Retries.isRepeat(existing == null ? null : existing.drafted(), event, "plan-id-taken",
                "plan " + command.planId())) {
            return;
        }
        plans.values().stream().filter(plan -> Objects.equals(plan.drafted().agency(), command.agency())).findFirst()
                .ifPresent(plan -> {
                    throw new RuleViolation("action-plan-exists", "Plan '" + plan.drafted().planId() + "' already "
                            + "answers this audit" + (command.agency() == null ? "" : " for " + command.agency()) + ".");
                });
        apply(event);
    }

    @CommandHandler
    public void handle(AddAction command, DeadlineManager deadlines, WorkingDayCalendar calendar) {
        ActionAdded event = new ActionAdded(command.actionId(), command.planId(), auditId, programmeId,
                command.description(), command.owningAgency(), command.lead(), command.dueDate(),
                command.addressesFindings(), command.successMeasure(), command.addedOn());
        Action existing = actions.get(command.actionId());
        if (Retries.isRepeat(existing == null ? null : existing.added(), event, "action-id-taken",
                "action " + command.actionId())) {
            return;
        }
        plans.get(command.planId()).requireOpenTo(command.owningAgency());
        requireParticipating(List.of(command.owningAgency()));
        command.addressesFindings().forEach(this::requireFinding);
        if (command.dueDate().isBefore(command.addedOn())) {
            throw new RuleViolation("due-date-in-the-past", "An action cannot be due before the day it is added.");
        }
        apply(event);
        Deadlines.using(deadlines).overdueCheckFrom(command.actionId(), new Lateness(calendar).overdueFrom(command.dueDate()));
    }

    /** A finding or plan the audit lacks is refused with its rule's code, where Axon would fail without one. */
    @CommandHandlerInterceptor
    void requireKnownFinding(FindingCommand command) {
        requireFinding(command.findingId());
    }

    @CommandHandlerInterceptor
    void requireKnownPlan(PlanCommand command) {
        if (!plans.containsKey(command.planId())) {
            throw new RuleViolation("action-plan-unknown", "Audit '" + auditId + "' has no action plan '"
                    + command.planId() + "'.");
        }
    }

    /** An action the audit lacks, or another agency's to its lead officer, is "not found" alike. */
    @CommandHandlerInterceptor
    void requireKnownAction(ActionCommand command) {
        Action action = actions.get(command.actionId());
        String notFound = "Audit '" + auditId + "' has no action '" + command.actionId() + "'.";
        if (action == null) {
            throw new NotVisible(notFound);
        } else if (command instanceof AgencyActionCommand byAgency) {
            ActorAccess.require(byAgency.actor(), action.added().owningAgency(), notFound);
        }
    }

    private void requireKnown(String requestedAuditId) {
        if (auditId == null) {
            throw new RuleViolation("audit-unknown", "Audit '" + requestedAuditId + "' is not known here: findings and "
                    + "plans are recorded only against a commissioned audit (its commissioning may take a moment to arrive).");
        }
    }

    private void requireParticipating(List<String> agencies) {
        agencies.stream().filter(agency -> !participatingAgencies.contains(agency)).findFirst().ifPresent(agency -> {
            throw new RuleViolation("agency-not-participating",
                    "'" + agency + "' did not take part in audit '" + auditId + "'.");
        });
    }

    private void requireFinding(String findingId) {
        if (!findings.containsKey(findingId)) {
            throw new RuleViolation("finding-unknown", "Audit '" + auditId + "' has no finding '" + findingId + "'.");
        }
    }

    @EventSourcingHandler
    void on(AuditRegistered event) {
        auditId = event.auditId();
        programmeId = event.programmeId();
        participatingAgencies = Set.copyOf(event.participatingAgencies());
        section11 = RegisterAudit.SECTION_11.equals(event.theme());
    }

    @EventSourcingHandler
    void on(FindingRecorded event) {
        findings.put(event.findingId(), new Finding(event));
    }

    @EventSourcingHandler
    void on(ActionPlanDrafted event) {
        plans.put(event.planId(), new ActionPlan(event));
    }

    @EventSourcingHandler
    void on(ActionAdded event) {
        ActionPlan plan = plans.get(event.planId());
        Action action = new Action(event, plan);
        actions.put(event.actionId(), action);
        plan.add(action);
    }
}
