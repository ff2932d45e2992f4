package io.maap.auditprogramme.businessplan.command;

import io.maap.events.auditprogramme.BusinessPlanAdopted;
import io.maap.events.auditprogramme.BusinessPlanItemLinked;
import io.maap.events.auditprogramme.BusinessPlanPriorityRated;
import io.maap.support.axon.AxonSupportAutoConfiguration;
import io.maap.support.domain.RuleViolation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A partnership's business plan for a year (seed 002): its priorities with their actions, each
 * priority's RAG quarter by quarter with its history, and the audits, findings and actions linked
 * to each priority. What each must hold is in {@link BusinessPlanRules}.
 */
@Aggregate(cache = AxonSupportAutoConfiguration.AGGREGATE_CACHE)
public class BusinessPlan {

    @AggregateIdentifier
    private String planId;
    private BusinessPlanAdopted adopted;
    /** The latest rating of each priority and quarter, to recognise a retry. */
    private final Map<String, BusinessPlanPriorityRated> latestRating = new HashMap<>();
    private final Set<BusinessPlanItemLinked> links = new HashSet<>();

    protected BusinessPlan() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(AdoptBusinessPlan command) {
        var event = new BusinessPlanAdopted(command.planId(), command.partnership(), command.title(), command.periodStart(),
                command.periodEnd(), command.adoptedOn(), command.adoptedBy(), command.recordedBy(), command.priorities());
        if (adopted != null) {
            if (sameBusiness(event, adopted)) {
                return;
            }
            throw new RuleViolation("business-plan-already-adopted",
                    "Business plan " + command.planId() + " was already adopted with other details.");
        }
        BusinessPlanRules.requireValidPlan(command);
        apply(event);
    }

    @CommandHandler
    public void handle(RatePriority command) {
        requireAdopted(command.planId());
        var event = new BusinessPlanPriorityRated(command.planId(), command.priorityId(), command.quarter(), command.rag(),
                command.reason(), command.ratedOn(), command.ratedBy(), command.recordedBy());
        BusinessPlanPriorityRated latest = latestRating.get(command.priorityId() + "/" + command.quarter());
        if (latest != null && latest.rag() == event.rag() && latest.reason().equals(event.reason())
                && latest.ratedOn().equals(event.ratedOn()) && latest.ratedBy().equals(event.ratedBy())) {
            return;
        }
        BusinessPlanRules.requireValidRating(adopted, command);
        apply(event);
    }

    @CommandHandler
    public void handle(LinkToPriority command) {
        requireAdopted(command.planId());
        BusinessPlanRules.requireValidLink(adopted, command);
        String itemId = command.kind() == BusinessPlanItemLinked.Kind.AUDIT ? null : command.itemId();
        boolean linked = links.stream().anyMatch(l -> l.priorityId().equals(command.priorityId())
                && l.kind() == command.kind() && l.auditId().equals(command.auditId())
                && Objects.equals(l.itemId(), itemId));
        if (!linked) {
            apply(new BusinessPlanItemLinked(planId, command.priorityId(), command.kind(), command.auditId(), itemId,
                    command.today(), command.linkedBy()));
        }
    }

    /** A retry by another user is the same plan: who entered it is not part of what was agreed. */
    private static boolean sameBusiness(BusinessPlanAdopted a, BusinessPlanAdopted b) {
        return a.partnership().equals(b.partnership()) && a.title().equals(b.title())
                && a.periodStart().equals(b.periodStart()) && a.periodEnd().equals(b.periodEnd())
                && a.adoptedOn().equals(b.adoptedOn()) && a.adoptedBy().equals(b.adoptedBy())
                && a.priorities().equals(b.priorities());
    }

    private void requireAdopted(String id) {
        if (adopted == null) {
            throw new RuleViolation("business-plan-unknown", "No business plan '" + id + "' has been adopted.");
        }
    }

    @EventSourcingHandler
    void on(BusinessPlanAdopted event) {
        planId = event.planId();
        adopted = event;
    }

    @EventSourcingHandler
    void on(BusinessPlanPriorityRated event) {
        latestRating.put(event.priorityId() + "/" + event.quarter(), event);
    }

    @EventSourcingHandler
    void on(BusinessPlanItemLinked event) {
        links.add(event);
    }
}
