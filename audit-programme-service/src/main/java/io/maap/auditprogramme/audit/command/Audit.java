package io.maap.auditprogramme.audit.command;

import io.maap.events.auditprogramme.AuditActivityCompleted;
import io.maap.events.auditprogramme.AuditAnalysed;
import io.maap.events.auditprogramme.AuditClosed;
import io.maap.events.auditprogramme.AuditCommissioned;
import io.maap.events.auditprogramme.AuditMilestoneRescheduled;
import io.maap.events.auditprogramme.AuditMonitoringStarted;
import io.maap.events.auditprogramme.AuditPlanned;
import io.maap.events.auditprogramme.AuditReportDrafted;
import io.maap.events.auditprogramme.AuditReturnsClosed;
import io.maap.events.auditprogramme.AuditSignedOff;
import io.maap.events.auditprogramme.ChallengeDayHeld;
import io.maap.events.auditprogramme.ChallengeDayScheduled;
import io.maap.events.auditprogramme.DeliberateOverride;
import io.maap.events.auditprogramme.Milestone;
import io.maap.events.auditprogramme.PlannedDate;
import io.maap.support.calendar.WorkingDayCalendar;
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
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

import static io.maap.auditprogramme.audit.command.AuditStatus.ANALYSED;
import static io.maap.auditprogramme.audit.command.AuditStatus.CHALLENGE_DAY_HELD;
import static io.maap.auditprogramme.audit.command.AuditStatus.COMMISSIONED;
import static io.maap.auditprogramme.audit.command.AuditStatus.MONITORING;
import static io.maap.auditprogramme.audit.command.AuditStatus.REPORT_DRAFTED;
import static io.maap.auditprogramme.audit.command.AuditStatus.RETURNS_CLOSED;
import static io.maap.auditprogramme.audit.command.AuditStatus.SIGNED_OFF;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One themed multi-agency audit of a programme, from plan to closure. Every lifecycle step is
 * reached only from the step before; a retried command that changes nothing is accepted
 * silently, so clients can retry safely.
 */
@Aggregate(cache = AxonSupportAutoConfiguration.AGGREGATE_CACHE)
public class Audit {

    @AggregateIdentifier
    private String auditId;
    private String programmeId;
    private AuditStatus status;
    private AuditPlanned planned;
    private AuditCommissioned commissioned;
    private LocalDate finalSubmissionOn;
    private LocalDate lastReachedOn;
    private final Map<Milestone, PlannedDate> plannedDates = new EnumMap<>(Milestone.class);
    private final Map<String, LocalDate> completedActivities = new HashMap<>();
    /** The event each lifecycle step recorded, to recognise a retry of the same command. */
    private final Map<Class<?>, Object> recorded = new HashMap<>();

    protected Audit() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(PlanAudit command) {
        AuditPlanned event = new AuditPlanned(command.auditId(), command.programmeId(), command.title(),
                command.theme(), command.businessPlanPriorities(), command.leadOfficer(), command.timescale(),
                command.keyLinesOfEnquiry(), command.gradingScale(), command.plannedSample(), command.milestones(),
                command.activities());
        if (event.equals(planned)) {
            return;
        }
        if (status != null) {
            throw new RuleViolation("audit-already-exists", "Audit " + command.auditId() + " is already "
                    + status.label() + (planned != null ? " with other details." : "; it cannot be planned now."));
        }
        AuditRules.requireUnique(command.milestones().stream().map(m -> m.milestone().name()).toList(), "milestone");
        AuditRules.requireUnique(command.activities().stream().map(AuditPlanned.Activity::activityId).toList(), "activity id");
        AuditRules.requireUnique(command.gradingScale(), "grade");
        for (AuditPlanned.Activity activity : command.activities()) {
            if (activity.endsOn() != null && activity.endsOn().date().isBefore(activity.startsOn().date())) {
                throw new RuleViolation("activity-ends-before-it-starts",
                        "Activity '" + activity.activityId() + "' ends before it starts.");
            }
        }
        apply(event);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(CommissionAudit command, WorkingDayCalendar calendar) {
        AuditCommissioned event = AuditRules.commissionedEvent(command, calendar);
        if (commissioned != null) {
            if (commissioned.equals(event)) {
                return; // a retried request: already done, nothing new happened
            }
            throw new RuleViolation("audit-already-commissioned",
                    "Audit " + command.auditId() + " was already commissioned with other details.");
        }
        if (planned != null && !planned.programmeId().equals(command.programmeId())) {
            throw new RuleViolation("programme-mismatch", "Audit " + command.auditId() + " is planned in programme '"
                    + planned.programmeId() + "', not '" + command.programmeId() + "'.");
        }
        if (planned != null && planned.gradingScale().isEmpty()
                && command.questions().stream().anyMatch(AuditCommissioned.AuditQuestion::graded)) {
            throw new RuleViolation("grading-scale-missing",
                    "The audit tool has graded questions but the plan of audit " + command.auditId() + " has no grading scale.");
        }
        apply(event);
    }

    @CommandHandler
    public void handle(CloseReturns command, WorkingDayCalendar calendar, Clock clock) {
        requireThemedAudit(command.auditId());
        var event = new AuditReturnsClosed(auditId, programmeId, command.finalSubmissionOn(),
                new ChallengeDayRules(calendar).latest(command.finalSubmissionOn()), command.closedBy());
        if (retried(event)) {
            return;
        }
        requireStep(RETURNS_CLOSED, "close the returns of");
        requireActualDate(command.finalSubmissionOn(), "final submission date", clock);
        apply(event);
    }

    @CommandHandler
    public void handle(RecordAnalysis command, Clock clock) {
        requireThemedAudit(command.auditId());
        var event = new AuditAnalysed(auditId, programmeId, command.analysedOn(), command.analysedBy());
        if (retried(event)) {
            return;
        }
        requireStep(ANALYSED, "record the analysis of");
        requireActualDate(command.analysedOn(), "analysis date", clock);
        apply(event);
    }

    @CommandHandler
    public void handle(ScheduleChallengeDay command, WorkingDayCalendar calendar) {
        requireThemedAudit(command.auditId());
        if (status == null || status.compareTo(COMMISSIONED) < 0 || status.compareTo(ANALYSED) > 0) {
            throw new RuleViolation("illegal-transition", "Cannot schedule the challenge day of audit " + auditId
                    + ": it is " + status.label() + "; a challenge day is scheduled between commissioning and holding it.");
        }
        LocalDate day = command.challengeDayOn();
        var rules = new ChallengeDayRules(calendar);
        LocalDate windowStart = finalSubmissionOn != null ? finalSubmissionOn : commissioned.returnDeadline();
        rules.checkScheduled(day, windowStart, finalSubmissionOn != null ? "final submission date" : "return deadline",
                command.override());
        var event = new ChallengeDayScheduled(auditId, programmeId, day, command.chair(), rules.agendaDue(day),
                rules.latest(windowStart), command.override());
        if (!event.equals(recorded.get(ChallengeDayScheduled.class))) {
            apply(event);
        }
    }

    @CommandHandler
    public void handle(HoldChallengeDay command, WorkingDayCalendar calendar, Clock clock) {
        requireThemedAudit(command.auditId());
        var event = new ChallengeDayHeld(auditId, programmeId, command.heldOn(), command.chair(),
                command.agendaSentOn(), command.override());
        if (retried(event)) {
            return;
        }
        requireStep(CHALLENGE_DAY_HELD, "hold the challenge day of");
        requireActualDate(command.heldOn(), "challenge day", clock);
        new ChallengeDayRules(calendar).checkHeld(command.heldOn(), command.agendaSentOn(), finalSubmissionOn,
                command.override());
        apply(event);
    }

    @CommandHandler
    public void handle(DraftReport command, Clock clock) {
        requireThemedAudit(command.auditId());
        var event = new AuditReportDrafted(auditId, programmeId, command.draftedOn(), command.draftedBy());
        if (retried(event)) {
            return;
        }
        requireStep(REPORT_DRAFTED, "draft the report of");
        requireActualDate(command.draftedOn(), "draft date", clock);
        apply(event);
    }

    @CommandHandler
    public void handle(SignOffReport command, Clock clock) {
        requireThemedAudit(command.auditId());
        var event = new AuditSignedOff(auditId, programmeId, command.signedOffOn(), command.signedOffBy());
        if (retried(event)) {
            return;
        }
        requireStep(SIGNED_OFF, "sign off");
        requireActualDate(command.signedOffOn(), "sign-off date", clock);
        apply(event);
    }

    @CommandHandler
    public void handle(StartMonitoring command, Clock clock) {
        requireThemedAudit(command.auditId());
        var event = new AuditMonitoringStarted(auditId, programmeId, command.startedOn(), command.monitoredBy());
        if (retried(event)) {
            return;
        }
        requireStep(MONITORING, "start monitoring");
        requireActualDate(command.startedOn(), "start of monitoring", clock);
        apply(event);
    }

    @CommandHandler
    public void handle(CloseAudit command, Clock clock) {
        requireThemedAudit(command.auditId());
        var event = new AuditClosed(auditId, programmeId, command.closedOn(), command.closedBy(), command.evaluation());
        if (retried(event)) {
            return;
        }
        requireStep(AuditStatus.CLOSED, "close");
        requireActualDate(command.closedOn(), "closing date", clock);
        if (command.evaluation() == null || command.evaluation().isBlank()) {
            throw new RuleViolation("evaluation-missing", "An audit is closed with an evaluation of its impact.");
        }
        apply(event);
    }

    @CommandHandler
    public void handle(RescheduleMilestone command) {
        requireThemedAudit(command.auditId());
        Milestone milestone = command.milestone();
        if (command.planned().equals(plannedDates.get(milestone))) {
            return;
        }
        if (status == AuditStatus.CLOSED) {
            throw new RuleViolation("audit-closed", "Audit " + auditId + " is closed; its plan can no longer change.");
        }
        if (reached(milestone)) {
            throw new RuleViolation("milestone-already-reached",
                    "The milestone " + milestone + " of audit " + auditId + " has already been reached.");
        }
        if (commissioned != null && milestone == Milestone.RETURNS_CLOSED) {
            throw new RuleViolation("return-deadline-fixed", "The return deadline was set when the audit was "
                    + "commissioned; agencies were told it. Extend single returns instead.");
        }
        if (commissioned != null && milestone == Milestone.CHALLENGE_DAY) {
            throw new RuleViolation("challenge-day-needs-scheduling",
                    "Schedule the challenge day instead, so that its rules of time are checked.");
        }
        ChallengeDayRules.requireExplained(new DeliberateOverride(command.decidedBy(), command.reason()));
        apply(new AuditMilestoneRescheduled(auditId, programmeId, milestone, plannedDates.get(milestone),
                command.planned(), command.decidedBy(), command.reason()));
    }

    @CommandHandler
    public void handle(CompleteActivity command, Clock clock) {
        requireThemedAudit(command.auditId());
        if (planned == null || planned.activities().stream().noneMatch(a -> a.activityId().equals(command.activityId()))) {
            throw new RuleViolation("unknown-activity",
                    "Audit " + auditId + " has no planned activity '" + command.activityId() + "'.");
        }
        LocalDate completed = completedActivities.get(command.activityId());
        if (command.completedOn().equals(completed)) {
            return;
        }
        if (completed != null) {
            throw new RuleViolation("activity-already-completed",
                    "Activity '" + command.activityId() + "' was already completed on " + completed + ".");
        }
        if (command.completedOn().isAfter(LocalDate.now(clock))) {
            throw new RuleViolation("date-in-future", "An activity cannot be completed in the future.");
        }
        apply(new AuditActivityCompleted(auditId, programmeId, command.activityId(), command.completedOn()));
    }

    /** The stream may belong to a Section 11 audit, whose events this aggregate does not read. */
    private void requireThemedAudit(String id) {
        if (status == null) {
            throw new RuleViolation("not-a-themed-audit", "Audit " + id + " is not a themed audit.");
        }
    }

    private boolean retried(Object event) {
        return event.equals(recorded.get(event.getClass()));
    }

    private void requireStep(AuditStatus next, String action) {
        AuditStatus before = AuditStatus.values()[next.ordinal() - 1];
        if (status == before) {
            return;
        }
        if (status.compareTo(before) > 0) {
            throw new RuleViolation("illegal-transition", "Cannot " + action + " audit " + auditId
                    + ": it is already " + status.label() + (status == next ? ", with other details." : "."));
        }
        throw new RuleViolation("illegal-transition", "Cannot " + action + " audit " + auditId + ": it is "
                + status.label() + ", and must be " + before.label() + " first.");
    }

    private void requireActualDate(LocalDate date, String what, Clock clock) {
        if (date.isAfter(LocalDate.now(clock))) {
            throw new RuleViolation("date-in-future", "The " + what + " " + date + " is in the future; record a step once it happened.");
        }
        if (lastReachedOn != null && date.isBefore(lastReachedOn)) {
            throw new RuleViolation("date-before-previous-step", "The " + what + " " + date
                    + " is before the previous step of audit " + auditId + " (" + lastReachedOn + ").");
        }
    }

    private boolean reached(Milestone milestone) {
        return switch (milestone) {
            case TOOL_SENT -> commissioned != null;
            case RETURNS_CLOSED -> atLeast(RETURNS_CLOSED);
            case ANALYSED -> atLeast(ANALYSED);
            case CHALLENGE_DAY -> atLeast(CHALLENGE_DAY_HELD);
            case REPORT_DRAFTED -> atLeast(REPORT_DRAFTED);
            case SIGNED_OFF -> atLeast(SIGNED_OFF);
            case MONITORING_STARTED -> atLeast(MONITORING);
            case CLOSED -> atLeast(AuditStatus.CLOSED);
        };
    }

    private boolean atLeast(AuditStatus step) {
        return status != null && status.compareTo(step) >= 0;
    }

    @EventSourcingHandler
    void on(AuditPlanned event) {
        auditId = event.auditId();
        programmeId = event.programmeId();
        status = AuditStatus.PLANNED;
        planned = event;
        event.milestones().forEach(m -> plannedDates.put(m.milestone(), m.plannedDate()));
    }

    @EventSourcingHandler
    void on(AuditCommissioned event) {
        auditId = event.auditId();
        programmeId = event.programmeId();
        status = COMMISSIONED;
        commissioned = event;
        plannedDates.put(Milestone.TOOL_SENT, PlannedDate.day(event.toolSentOn()));
        plannedDates.put(Milestone.RETURNS_CLOSED, PlannedDate.day(event.returnDeadline()));
        lastReachedOn = event.toolSentOn();
    }

    @EventSourcingHandler
    void on(AuditReturnsClosed event) {
        reach(RETURNS_CLOSED, event, event.finalSubmissionOn());
        finalSubmissionOn = event.finalSubmissionOn();
    }

    @EventSourcingHandler
    void on(AuditAnalysed event) {
        reach(ANALYSED, event, event.analysedOn());
    }

    @EventSourcingHandler
    void on(ChallengeDayScheduled event) {
        recorded.put(ChallengeDayScheduled.class, event);
        plannedDates.put(Milestone.CHALLENGE_DAY, PlannedDate.day(event.challengeDayOn()));
    }

    @EventSourcingHandler
    void on(ChallengeDayHeld event) {
        reach(CHALLENGE_DAY_HELD, event, event.heldOn());
    }

    @EventSourcingHandler
    void on(AuditReportDrafted event) {
        reach(REPORT_DRAFTED, event, event.draftedOn());
    }

    @EventSourcingHandler
    void on(AuditSignedOff event) {
        reach(SIGNED_OFF, event, event.signedOffOn());
    }

    @EventSourcingHandler
    void on(AuditMonitoringStarted event) {
        reach(MONITORING, event, event.startedOn());
    }

    @EventSourcingHandler
    void on(AuditClosed event) {
        reach(AuditStatus.CLOSED, event, event.closedOn());
    }

    @EventSourcingHandler
    void on(AuditMilestoneRescheduled event) {
        plannedDates.put(event.milestone(), event.planned());
    }

    @EventSourcingHandler
    void on(AuditActivityCompleted event) {
        completedActivities.put(event.activityId(), event.completedOn());
    }

    private void reach(AuditStatus step, Object event, LocalDate on) {
        status = step;
        recorded.put(event.getClass(), event);
        lastReachedOn = on;
    }
}
