package io.maap.actionplan.audit.command;

import io.maap.actionplan.aspect.command.AspectCatalogue;
import io.maap.actionplan.audit.command.Deadlines.ActionDue;
import io.maap.actionplan.audit.command.Deadlines.MonitoringRoundDue;
import io.maap.actionplan.audit.command.Deadlines.UpdatesDue;
import io.maap.events.actionplan.ActionAdded;
import io.maap.events.actionplan.ActionClosed;
import io.maap.events.actionplan.ActionOverdue;
import io.maap.events.actionplan.ActionPlanAgreed;
import io.maap.events.actionplan.ActionPlanDisseminated;
import io.maap.events.actionplan.ActionPlanDrafted;
import io.maap.events.actionplan.ActionProgressReported;
import io.maap.events.actionplan.ActionReopened;
import io.maap.events.actionplan.ActionUpdateMissed;
import io.maap.events.actionplan.ActionUpdateRequested;
import io.maap.events.actionplan.FindingKind;
import io.maap.events.actionplan.FindingRecorded;
import io.maap.events.actionplan.GoodPracticeRecognised;
import io.maap.support.calendar.WorkingDayCalendar;
import io.maap.support.domain.RuleViolation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import io.maap.support.axon.AxonSupportAutoConfiguration;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * What was learnt from one audit and what is done about it: the findings, the action plans
 * answering them, and the monitoring of every action until it is closed with evidence of impact.
 * One aggregate per audit, because its rules cross these parts: an action addresses findings of
 * the same audit, a plan is agreed only with actions, a monitoring round asks every open action.
 */
@Aggregate(cache = AxonSupportAutoConfiguration.AGGREGATE_CACHE)
public class AuditLearning {

    static final int UPDATE_WORKING_DAYS = 10;

    @AggregateIdentifier
    private String auditId;
    private String programmeId;
    private Set<String> participatingAgencies = Set.of();
    private final Map<String, FindingRecorded> findings = new LinkedHashMap<>();
    private final Set<String> recognised = new HashSet<>();
    private final Map<String, PlanState> plans = new LinkedHashMap<>();
    private final Map<String, ActionState> actions = new LinkedHashMap<>();

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
        if (alreadyDone(findings.get(command.findingId()), event, "finding-id-taken", "finding " + command.findingId())) {
            return;
        }
        apply(event);
    }

    @CommandHandler
    public void handle(RecogniseGoodPractice command) {
        FindingRecorded finding = finding(command.findingId());
        if (finding.kind() != FindingKind.GOOD_PRACTICE) {
            throw new RuleViolation("not-good-practice", "Only good practice can be recognised; finding '"
                    + command.findingId() + "' is an area for improvement.");
        }
        if (recognised.contains(command.findingId())) {
            return; // recognised once; a retry changes nothing
        }
        apply(new GoodPracticeRecognised(finding.findingId(), auditId, programmeId, finding.aspect(), finding.agencies(),
                command.recognisedBy(), command.recognisedOn(), command.note()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(DraftActionPlan command) {
        requireKnown(command.auditId());
        if (command.agency() != null) {
            requireParticipating(List.of(command.agency()));
        }
        ActionPlanDrafted event = new ActionPlanDrafted(command.planId(), auditId, programmeId, command.agency(),
                command.title(), command.draftedBy(), command.draftedOn());
        PlanState existing = plans.get(command.planId());
        if (alreadyDone(existing == null ? null : existing.drafted, event, "plan-id-taken", "plan " + command.planId())) {
            return;
        }
        plans.values().stream().filter(plan -> Objects.equals(plan.drafted.agency(), command.agency())).findFirst()
                .ifPresent(plan -> {
                    throw new RuleViolation("action-plan-exists", "Plan '" + plan.planId() + "' already answers this audit"
                            + (command.agency() == null ? "" : " for " + command.agency()) + ".");
                });
        apply(event);
    }

    @CommandHandler
    public void handle(AddAction command, DeadlineManager deadlines) {
        PlanState plan = plan(command.planId());
        ActionAdded event = new ActionAdded(command.actionId(), command.planId(), auditId, programmeId,
                command.description(), command.owningAgency(), command.lead(), command.dueDate(),
                command.addressesFindings(), command.successMeasure(), command.addedOn());
        ActionState existing = actions.get(command.actionId());
        if (alreadyDone(existing == null ? null : existing.added, event, "action-id-taken", "action " + command.actionId())) {
            return;
        }
        if (plan.agreed != null) {
            throw new RuleViolation("action-plan-already-agreed",
                    "Plan '" + plan.planId() + "' was agreed by the Board; actions are added while it is a draft.");
        }
        if (plan.drafted.agency() != null && !plan.drafted.agency().equals(command.owningAgency())) {
            throw new RuleViolation("action-owner-outside-plan", "Plan '" + plan.planId() + "' is "
                    + plan.drafted.agency() + "'s own plan; its actions are owned by " + plan.drafted.agency() + ".");
        }
        requireParticipating(List.of(command.owningAgency()));
        command.addressesFindings().forEach(this::finding);
        if (command.dueDate().isBefore(command.addedOn())) {
            throw new RuleViolation("due-date-in-the-past", "An action cannot be due before the day it is added.");
        }
        apply(event);
        deadlines.schedule(Deadlines.after(command.dueDate()), Deadlines.ACTION_OVERDUE, new ActionDue(command.actionId()));
    }

    @CommandHandler
    public void handle(AgreeActionPlan command, DeadlineManager deadlines) {
        PlanState plan = plan(command.planId());
        if (plan.agreed != null) {
            if (plan.agreed.agreedOn().equals(command.agreedOn()) && plan.agreed.agreedBy().equals(command.agreedBy())) {
                return;
            }
            throw new RuleViolation("action-plan-already-agreed", "Plan '" + plan.planId() + "' was already agreed on "
                    + plan.agreed.agreedOn() + ".");
        }
        if (plan.actionIds.isEmpty()) {
            throw new RuleViolation("action-plan-empty", "A plan needs at least one action before the Board agrees it.");
        }
        if (command.monitoringIntervalMonths() < 1 || command.monitoringIntervalMonths() > 12) {
            throw new RuleViolation("monitoring-interval-invalid", "Monitoring rounds must fall every 1 to 12 months.");
        }
        LocalDate firstRound = command.agreedOn().plusMonths(command.monitoringIntervalMonths());
        apply(new ActionPlanAgreed(plan.planId(), auditId, programmeId, plan.drafted.agency(), plan.actionIds.size(),
                command.agreedBy(), command.agreedOn(), command.monitoringIntervalMonths(), firstRound));
        scheduleRound(plan, 1, firstRound, deadlines);
    }

    @CommandHandler
    public void handle(DisseminateActionPlan command) {
        PlanState plan = plan(command.planId());
        if (plan.agreed == null) {
            throw new RuleViolation("action-plan-not-agreed", "Plan '" + plan.planId()
                    + "' must be agreed by the Board before it is disseminated.");
        }
        if (plan.disseminated != null) {
            return; // disseminated once; a retry changes nothing
        }
        apply(new ActionPlanDisseminated(plan.planId(), auditId, programmeId, plan.drafted.agency(),
                command.disseminatedTo(), command.disseminatedBy(), command.disseminatedOn()));
    }

    @CommandHandler
    public void handle(ReportProgress command) {
        ActionState action = action(command.actionId());
        ActionAdded added = action.added;
        // A report dated before the round asked for one (entered late) does not answer that round.
        String answersRound = action.awaited != null && !command.reportedOn().isBefore(action.awaited.requestedOn())
                ? action.awaited.roundId() : null;
        ActionProgressReported event = new ActionProgressReported(command.updateId(), added.actionId(), added.planId(),
                auditId, programmeId, added.owningAgency(), command.rag(), command.note(), command.reportedBy(),
                command.reportedOn(), answersRound);
        if (action.updates.containsKey(command.updateId())) {
            ActionProgressReported earlier = action.updates.get(command.updateId());
            if (earlier.rag() == command.rag() && earlier.note().equals(command.note())) {
                return;
            }
            throw new RuleViolation("update-id-taken", "Update '" + command.updateId() + "' was already reported with "
                    + "other content; progress updates are never changed, report a new one.");
        }
        requireMonitored(action, "report progress on");
        apply(event);
    }

    @CommandHandler
    public void handle(StartMonitoringRound command, DeadlineManager deadlines) {
        PlanState plan = plan(command.planId());
        if (plan.roundIds.contains(command.roundId())) {
            return; // the round already asked; a retry changes nothing
        }
        if (plan.agreed == null) {
            throw new RuleViolation("action-plan-not-agreed", "Only an agreed plan is monitored.");
        }
        if (!command.updateDueBy().isAfter(command.requestedOn())) {
            throw new RuleViolation("update-due-date-invalid", "Updates must be due after the day they are asked for.");
        }
        if (!requestUpdates(plan, command.roundId(), command.requestedOn(), command.updateDueBy(), deadlines)) {
            throw new RuleViolation("no-open-actions", "Plan '" + plan.planId() + "' has no open action to ask about.");
        }
    }

    @CommandHandler
    public void handle(CloseAction command) {
        ActionState action = action(command.actionId());
        if (command.evidenceOfImpact() == null || command.evidenceOfImpact().isBlank()) {
            throw new RuleViolation("evidence-of-impact-required",
                    "An action is closed only with evidence of its impact: say what changed and how it is known.");
        }
        if (!action.open()) {
            if (action.closed.evidenceOfImpact().equals(command.evidenceOfImpact())) {
                return;
            }
            throw new RuleViolation("action-already-closed", "Action '" + command.actionId() + "' is already closed.");
        }
        requireMonitored(action, "close");
        ActionAdded added = action.added;
        apply(new ActionClosed(added.actionId(), added.planId(), auditId, programmeId, added.owningAgency(),
                command.evidenceOfImpact(), command.closedBy(), command.closedOn(), added.dueDate()));
    }

    @CommandHandler
    public void handle(ReopenAction command, DeadlineManager deadlines) {
        ActionState action = action(command.actionId());
        if (command.reason() == null || command.reason().isBlank()) {
            throw new RuleViolation("reopen-reason-required", "Say why the action's closure no longer stands.");
        }
        if (action.open()) {
            if (action.lastReopened != null && action.lastReopened.reason().equals(command.reason())) {
                return;
            }
            throw new RuleViolation("action-not-closed", "Action '" + command.actionId() + "' is open.");
        }
        ActionAdded added = action.added;
        apply(new ActionReopened(added.actionId(), added.planId(), auditId, programmeId, added.owningAgency(),
                command.reason(), command.reopenedBy(), command.reopenedOn()));
        if (!action.overdueFlagged && command.reopenedOn().isAfter(added.dueDate())) {
            deadlines.schedule(Deadlines.on(command.reopenedOn()), Deadlines.ACTION_OVERDUE, new ActionDue(added.actionId()));
        }
        PlanState plan = plans.get(added.planId());
        if (plan.roundsPaused) {
            scheduleRound(plan, plan.lastScheduledRound + 1,
                    command.reopenedOn().plusMonths(plan.agreed.monitoringIntervalMonths()), deadlines);
        }
    }

    @DeadlineHandler(deadlineName = Deadlines.ACTION_OVERDUE)
    void onActionDue(ActionDue due) {
        ActionState action = actions.get(due.actionId());
        if (action.open() && !action.overdueFlagged) {
            ActionAdded added = action.added;
            apply(new ActionOverdue(added.actionId(), added.planId(), auditId, programmeId, added.owningAgency(),
                    added.lead(), added.dueDate()));
        }
    }

    @DeadlineHandler(deadlineName = Deadlines.MONITORING_ROUND)
    void onMonitoringRoundDue(MonitoringRoundDue due, WorkingDayCalendar calendar, DeadlineManager deadlines,
                              Clock clock) {
        PlanState plan = plans.get(due.planId());
        if (plan.lastScheduledRound != due.roundNumber() || plan.roundsPaused) {
            return; // superseded
        }
        int interval = plan.agreed.monitoringIntervalMonths();
        LocalDate today = LocalDate.now(clock.withZone(Deadlines.LONDON));
        // A round that fires more than a whole interval late (the service was down, or a plan was entered
        // long after it was agreed) asks once, today, rather than replaying every missed quarter.
        LocalDate roundOn = today.isAfter(due.roundOn().plusMonths(interval)) ? today : due.roundOn();
        LocalDate updateDueBy = calendar.addWorkingDays(roundOn, UPDATE_WORKING_DAYS);
        if (requestUpdates(plan, PlanState.automaticRoundId(plan.planId(), due.roundNumber()), roundOn,
                updateDueBy, deadlines)) {
            scheduleRound(plan, due.roundNumber() + 1, roundOn.plusMonths(interval), deadlines);
        } else {
            apply(new MonitoringRoundsPaused(auditId, plan.planId(), due.roundNumber()));
        }
    }

    @DeadlineHandler(deadlineName = Deadlines.UPDATES_DUE)
    void onUpdatesDue(UpdatesDue due) {
        for (String actionId : plans.get(due.planId()).actionIds) {
            ActionState action = actions.get(actionId);
            if (action.open() && action.awaited != null && due.roundId().equals(action.awaited.roundId())) {
                ActionAdded added = action.added;
                apply(new ActionUpdateMissed(due.roundId(), actionId, added.planId(), auditId, programmeId,
                        added.owningAgency(), added.lead(), action.awaited.updateDueBy()));
            }
        }
    }

    private boolean requestUpdates(PlanState plan, String roundId, LocalDate requestedOn, LocalDate updateDueBy,
                                   DeadlineManager deadlines) {
        List<ActionState> open = plan.actionIds.stream().map(actions::get).filter(ActionState::open).toList();
        for (ActionState action : open) {
            ActionAdded added = action.added;
            apply(new ActionUpdateRequested(roundId, added.actionId(), plan.planId(), auditId, programmeId,
                    added.owningAgency(), added.lead(), requestedOn, updateDueBy));
        }
        if (!open.isEmpty()) {
            deadlines.schedule(Deadlines.after(updateDueBy), Deadlines.UPDATES_DUE, new UpdatesDue(plan.planId(), roundId));
        }
        return !open.isEmpty();
    }

    private void scheduleRound(PlanState plan, int roundNumber, LocalDate roundOn, DeadlineManager deadlines) {
        apply(new MonitoringRoundScheduled(auditId, plan.planId(), roundNumber, roundOn));
        deadlines.schedule(Deadlines.on(roundOn), Deadlines.MONITORING_ROUND,
                new MonitoringRoundDue(plan.planId(), roundNumber, roundOn));
    }

    private void requireKnown(String requestedAuditId) {
        if (auditId == null) {
            throw new RuleViolation("audit-unknown", "Audit '" + requestedAuditId + "' is not known here: findings and "
                    + "plans are recorded only against a commissioned audit (its commissioning may take a moment to arrive).");
        }
    }

    private void requireParticipating(List<String> agencies) {
        for (String agency : agencies) {
            if (!participatingAgencies.contains(agency)) {
                throw new RuleViolation("agency-not-participating",
                        "'" + agency + "' did not take part in audit '" + auditId + "'.");
            }
        }
    }

    private void requireMonitored(ActionState action, String what) {
        if (!action.open()) {
            throw new RuleViolation("action-closed", "Action '" + action.added.actionId()
                    + "' is closed: reopen it with a reason first.");
        }
        if (plans.get(action.added.planId()).agreed == null) {
            throw new RuleViolation("action-plan-not-agreed", "You can " + what + " an action once the Board has agreed "
                    + "its plan '" + action.added.planId() + "'.");
        }
    }

    private static boolean alreadyDone(Object earlier, Object now, String code, String what) {
        if (earlier == null) {
            return false;
        }
        if (earlier.equals(now)) {
            return true; // a retried request
        }
        throw new RuleViolation(code, "The " + what + " already exists with other details.");
    }

    private FindingRecorded finding(String findingId) {
        FindingRecorded finding = findings.get(findingId);
        if (finding == null) {
            throw new RuleViolation("finding-unknown", "Audit '" + auditId + "' has no finding '" + findingId + "'.");
        }
        return finding;
    }

    private PlanState plan(String planId) {
        PlanState plan = plans.get(planId);
        if (plan == null) {
            throw new RuleViolation("action-plan-unknown", "Audit '" + auditId + "' has no action plan '" + planId + "'.");
        }
        return plan;
    }

    private ActionState action(String actionId) {
        ActionState action = actions.get(actionId);
        if (action == null) {
            throw new RuleViolation("action-unknown", "Audit '" + auditId + "' has no action '" + actionId + "'.");
        }
        return action;
    }

    @EventSourcingHandler
    void on(AuditRegistered event) {
        this.auditId = event.auditId();
        this.programmeId = event.programmeId();
        this.participatingAgencies = Set.copyOf(event.participatingAgencies());
    }

    @EventSourcingHandler
    void on(FindingRecorded event) {
        findings.put(event.findingId(), event);
    }

    @EventSourcingHandler
    void on(GoodPracticeRecognised event) {
        recognised.add(event.findingId());
    }

    @EventSourcingHandler
    void on(ActionPlanDrafted event) {
        plans.put(event.planId(), new PlanState(event));
    }

    @EventSourcingHandler
    void on(ActionAdded event) {
        actions.put(event.actionId(), new ActionState(event));
        plans.get(event.planId()).actionIds.add(event.actionId());
    }

    @EventSourcingHandler
    void on(ActionPlanAgreed event) {
        plans.get(event.planId()).agreed = event;
    }

    @EventSourcingHandler
    void on(ActionPlanDisseminated event) {
        plans.get(event.planId()).disseminated = event;
    }

    @EventSourcingHandler
    void on(MonitoringRoundScheduled event) {
        PlanState plan = plans.get(event.planId());
        plan.lastScheduledRound = event.roundNumber();
        plan.roundsPaused = false;
    }

    @EventSourcingHandler
    void on(MonitoringRoundsPaused event) {
        plans.get(event.planId()).roundsPaused = true;
    }

    @EventSourcingHandler
    void on(ActionUpdateRequested event) {
        plans.get(event.planId()).roundIds.add(event.roundId());
        actions.get(event.actionId()).awaited = event;
    }

    @EventSourcingHandler
    void on(ActionUpdateMissed event) {
        actions.get(event.actionId()).awaited = null;
    }

    @EventSourcingHandler
    void on(ActionProgressReported event) {
        ActionState action = actions.get(event.actionId());
        action.updates.put(event.updateId(), event);
        if (event.roundId() != null) {
            action.awaited = null;
        }
    }

    @EventSourcingHandler
    void on(ActionOverdue event) {
        actions.get(event.actionId()).overdueFlagged = true;
    }

    @EventSourcingHandler
    void on(ActionClosed event) {
        ActionState action = actions.get(event.actionId());
        action.closed = event;
        action.awaited = null;
    }

    @EventSourcingHandler
    void on(ActionReopened event) {
        ActionState action = actions.get(event.actionId());
        action.closed = null;
        action.lastReopened = event;
    }
}
