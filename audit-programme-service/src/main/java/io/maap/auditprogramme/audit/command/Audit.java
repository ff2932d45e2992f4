package io.maap.auditprogramme.audit.command;

import io.maap.events.auditprogramme.AuditActivityCompleted;
import io.maap.events.auditprogramme.AuditAnalysed;
import io.maap.events.auditprogramme.AuditCommissioned;
import io.maap.events.auditprogramme.AuditMilestoneRescheduled;
import io.maap.events.auditprogramme.AuditMonitoringStarted;
import io.maap.events.auditprogramme.AuditPlanned;
import io.maap.events.auditprogramme.AuditReportDrafted;
import io.maap.events.auditprogramme.AuditReturnsClosed;
import io.maap.events.auditprogramme.AuditSignedOff;
import io.maap.events.auditprogramme.ChallengeDayAgendaSent;
import io.maap.events.auditprogramme.ChallengeDayHeld;
import io.maap.events.auditprogramme.ChallengeDayScheduled;
import io.maap.events.auditprogramme.PlannedDate;
import io.maap.support.axon.AxonSupportAutoConfiguration;
import io.maap.support.calendar.WorkingDayCalendar;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.LocalDate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One themed multi-agency audit of a programme, from plan to closure. Each step after commissioning
 * follows its {@link Lifecycle}; dates and activities are its {@link AuditPlan}'s; plan and commissioning
 * rules are {@link AuditRules}, challenge-day timing {@link ChallengeDayRules}, closing {@link Closure}'s.
 */
@Aggregate(cache = AxonSupportAutoConfiguration.AGGREGATE_CACHE)
public class Audit {

    @AggregateIdentifier
    private String auditId;
    private String programmeId;
    @AggregateMember
    private final Lifecycle lifecycle = new Lifecycle();
    @AggregateMember
    private final AuditPlan plan = new AuditPlan();
    @AggregateMember
    private final Closure closure = new Closure(lifecycle);
    private AuditPlanned planned;
    private AuditCommissioned commissioned;
    private LocalDate finalSubmissionOn;
    private ChallengeDayScheduled scheduled;
    private ChallengeDayAgendaSent agendaSent;

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(PlanAudit command) {
        var event = new AuditPlanned(command.auditId(), command.programmeId(), command.title(), command.theme(),
                command.businessPlanPriorities(), command.leadOfficer(), command.timescale(), command.keyLinesOfEnquiry(),
                command.gradingScale(), command.plannedSample(), command.milestones(), command.activities());
        if (!event.equals(planned)) {
            lifecycle.requireUnplanned(command.auditId());
            AuditRules.requireValidPlan(command);
            apply(event);
        }
        closure.planned(command);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(CommissionAudit command, WorkingDayCalendar calendar) {
        AuditCommissioned event = AuditRules.commissionedEvent(command, planned, calendar);
        if (!event.equals(commissioned)) {
            AuditRules.requireCommissionable(command, planned, commissioned);
            apply(event);
        }
    }

    @CommandHandler
    public void handle(CloseReturns command, WorkingDayCalendar calendar) {
        LocalDate on = command.finalSubmissionOn();
        var event = new AuditReturnsClosed(command.auditId(), programmeId, on, new ChallengeDayRules(calendar, commissioned).latest(on),
                command.closedBy());
        if (lifecycle.admits(AuditStatus.RETURNS_CLOSED, event, on, command.today())) {
            apply(event);
        }
    }

    @CommandHandler
    public void handle(RecordAnalysis command) {
        var event = new AuditAnalysed(command.auditId(), programmeId, command.analysedOn(), command.analysedBy());
        if (lifecycle.admits(AuditStatus.ANALYSED, event, command.analysedOn(), command.today())) {
            apply(event);
        }
    }

    @CommandHandler
    public void handle(ScheduleChallengeDay command, WorkingDayCalendar calendar) {
        lifecycle.requireChallengeDayAhead(command.auditId());
        var event = new ChallengeDayRules(calendar, commissioned).scheduled(command, programmeId, commissioned.returnDeadline(),
                finalSubmissionOn);
        if (!event.equals(scheduled)) {
            apply(event);
        }
    }

    @CommandHandler
    public void handle(SendChallengeDayAgenda command) {
        lifecycle.requireChallengeDayAhead(command.auditId(), "send the agenda of");
        var event = ChallengeDayRules.agendaSent(command, programmeId, scheduled);
        if (!event.equals(agendaSent)) {
            apply(event);
        }
    }

    @CommandHandler
    public void handle(HoldChallengeDay command, WorkingDayCalendar calendar) {
        LocalDate agendaSentOn = ChallengeDayRules.agendaSentOn(command, agendaSent);
        var event = new ChallengeDayHeld(command.auditId(), programmeId, command.heldOn(), command.chair(),
                agendaSentOn, command.override());
        if (lifecycle.admits(AuditStatus.CHALLENGE_DAY_HELD, event, command.heldOn(), command.today())) {
            new ChallengeDayRules(calendar, commissioned).checkHeld(command.heldOn(), agendaSentOn, finalSubmissionOn,
                    command.override());
            apply(event);
        }
    }

    @CommandHandler
    public void handle(DraftReport command) {
        var event = new AuditReportDrafted(command.auditId(), programmeId, command.draftedOn(), command.draftedBy());
        if (lifecycle.admits(AuditStatus.REPORT_DRAFTED, event, command.draftedOn(), command.today())) {
            apply(event);
        }
    }

    @CommandHandler
    public void handle(SignOffReport command) {
        var event = new AuditSignedOff(command.auditId(), programmeId, command.signedOffOn(), command.signedOffBy(),
                command.board().requireMeeting());
        if (lifecycle.admits(AuditStatus.SIGNED_OFF, event, command.signedOffOn(), command.today())) {
            apply(event);
        }
    }

    @CommandHandler
    public void handle(StartMonitoring command) {
        var event = new AuditMonitoringStarted(command.auditId(), programmeId, command.startedOn(), command.monitoredBy());
        if (lifecycle.admits(AuditStatus.MONITORING, event, command.startedOn(), command.today())) {
            apply(event);
        }
    }

    @CommandHandler
    public void handle(RescheduleMilestone command) {
        lifecycle.requireThemedAudit(command.auditId());
        PlannedDate before = plan.dateOf(command.milestone());
        if (!command.planned().equals(before)) {
            lifecycle.requireAhead(command.milestone(), auditId);
            plan.requireMovable(command);
            apply(new AuditMilestoneRescheduled(auditId, programmeId, command.milestone(), before, command.planned(),
                    command.decidedBy(), command.reason()));
        }
    }

    @CommandHandler
    public void handle(CompleteActivity command) {
        lifecycle.requireThemedAudit(command.auditId());
        if (plan.admits(command)) {
            apply(new AuditActivityCompleted(auditId, programmeId, command.activityId(), command.completedOn()));
        }
    }

    @EventSourcingHandler
    void on(AuditPlanned event) {
        auditId = event.auditId();
        programmeId = event.programmeId();
        planned = event;
    }

    @EventSourcingHandler
    void on(AuditCommissioned event) {
        auditId = event.auditId();
        programmeId = event.programmeId();
        commissioned = event;
    }

    @EventSourcingHandler
    void on(AuditReturnsClosed event) {
        finalSubmissionOn = event.finalSubmissionOn();
    }

    @EventSourcingHandler
    void on(ChallengeDayScheduled event) {
        scheduled = event;
    }

    @EventSourcingHandler
    void on(ChallengeDayAgendaSent event) {
        agendaSent = event;
    }
}
