package io.maap.auditprogramme.audit.query;

import io.maap.events.auditprogramme.AuditActivityCompleted;
import io.maap.events.auditprogramme.AuditAnalysed;
import io.maap.events.auditprogramme.AuditClosed;
import io.maap.events.auditprogramme.AuditCommissioned;
import io.maap.events.auditprogramme.AuditLearningDisseminated;
import io.maap.events.auditprogramme.AuditSuccessMeasureEvaluated;
import io.maap.events.auditprogramme.AuditSuccessMeasuresSet;
import io.maap.events.auditprogramme.AuditMilestoneRescheduled;
import io.maap.events.auditprogramme.AuditMonitoringStarted;
import io.maap.events.auditprogramme.AuditPlanned;
import io.maap.events.auditprogramme.AuditReportDrafted;
import io.maap.events.auditprogramme.AuditReturnsClosed;
import io.maap.events.auditprogramme.AuditSignedOff;
import io.maap.events.auditprogramme.ChallengeDayAgendaSent;
import io.maap.events.auditprogramme.ChallengeDayHeld;
import io.maap.events.auditprogramme.ChallengeDayScheduled;
import io.maap.events.auditprogramme.Milestone;
import io.maap.events.auditprogramme.PlannedDate;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.function.Consumer;

/**
 * Keeps {@code audit_view} up to date. It runs in a subscribing processor, in the transaction
 * that appends the events, so a read right after a command already shows its effect.
 */
@Component
@ProcessingGroup(AuditProjection.PROCESSING_GROUP)
public class AuditProjection {

    public static final String PROCESSING_GROUP = "audit-programme-query";

    private final AuditRecords records;

    public AuditProjection(AuditRecords records) {
        this.records = records;
    }

    @EventHandler
    void on(AuditPlanned event) {
        update(event.auditId(), view -> {
            view.programmeId = event.programmeId();
            view.status = "PLANNED";
            view.title = event.title();
            view.theme = event.theme();
            view.businessPlanPriorities = event.businessPlanPriorities();
            view.leadOfficer = event.leadOfficer();
            view.timescale = event.timescale();
            view.keyLinesOfEnquiry = event.keyLinesOfEnquiry();
            view.gradingScale = event.gradingScale();
            view.plannedSample = event.plannedSample();
            event.milestones().forEach(m -> view.agree(m.milestone(), m.plannedDate()));
            view.activities = new ArrayList<>(event.activities().stream()
                    .map(a -> new AuditView.ActivityDates(a.activityId(), a.description(), a.startsOn(), a.endsOn(), null))
                    .toList());
        });
    }

    @EventHandler
    void on(AuditCommissioned event) {
        update(event.auditId(), view -> {
            view.programmeId = event.programmeId();
            view.status = "COMMISSIONED";
            view.title = event.title();
            view.theme = event.theme();
            view.leadOfficer = event.leadOfficer();
            view.toolSentOn = event.toolSentOn();
            view.returnDeadline = event.returnDeadline();
            view.reminderDate = event.reminderDate();
            view.deadlineOverride = event.deadlineOverride();
            view.policy = event.policy();
            view.questions = event.questions();
            view.cases = event.cases();
            view.participatingAgencies = event.participatingAgencies();
            view.plan(Milestone.TOOL_SENT, PlannedDate.day(event.toolSentOn()));
            view.reach(Milestone.TOOL_SENT, event.toolSentOn());
            view.plan(Milestone.RETURNS_CLOSED, PlannedDate.day(event.returnDeadline()));
        });
    }

    @EventHandler
    void on(AuditReturnsClosed event) {
        update(event.auditId(), view -> {
            view.status = "RETURNS_CLOSED";
            view.finalSubmissionOn = event.finalSubmissionOn();
            view.challengeDayDueBy = event.challengeDayDueBy();
            view.returnsClosed = new AuditView.Step(event.finalSubmissionOn(), event.closedBy());
            view.reach(Milestone.RETURNS_CLOSED, event.finalSubmissionOn());
        });
    }

    @EventHandler
    void on(AuditAnalysed event) {
        update(event.auditId(), view -> {
            view.status = "ANALYSED";
            view.analysed = new AuditView.Step(event.analysedOn(), event.analysedBy());
            view.reach(Milestone.ANALYSED, event.analysedOn());
        });
    }

    @EventHandler
    void on(ChallengeDayScheduled event) {
        update(event.auditId(), view -> {
            view.challengeDay = new AuditView.ChallengeDay(event.challengeDayOn(), event.chair(), event.agendaDueOn(),
                    event.latestOn(), event.override(), null, null, null);
            view.plan(Milestone.CHALLENGE_DAY, PlannedDate.day(event.challengeDayOn()));
        });
    }

    @EventHandler
    void on(ChallengeDayAgendaSent event) {
        update(event.auditId(), view -> {
            AuditView.ChallengeDay day = view.challengeDay;
            if (day != null && event.challengeDayOn().equals(day.scheduledOn())) {
                view.challengeDay = new AuditView.ChallengeDay(day.scheduledOn(), day.chair(), day.agendaDueOn(),
                        day.latestOn(), day.scheduleOverride(), day.heldOn(), event.sentOn(), day.heldOverride());
            }
        });
    }

    @EventHandler
    void on(ChallengeDayHeld event) {
        update(event.auditId(), view -> {
            view.status = "CHALLENGE_DAY_HELD";
            AuditView.ChallengeDay scheduled = view.challengeDay;
            view.challengeDay = new AuditView.ChallengeDay(
                    scheduled == null ? null : scheduled.scheduledOn(), event.chair(),
                    scheduled == null ? null : scheduled.agendaDueOn(), scheduled == null ? null : scheduled.latestOn(),
                    scheduled == null ? null : scheduled.scheduleOverride(), event.heldOn(), event.agendaSentOn(),
                    event.override());
            view.reach(Milestone.CHALLENGE_DAY, event.heldOn());
        });
    }

    @EventHandler
    void on(AuditReportDrafted event) {
        update(event.auditId(), view -> {
            view.status = "REPORT_DRAFTED";
            view.reportDrafted = new AuditView.Step(event.draftedOn(), event.draftedBy());
            view.reach(Milestone.REPORT_DRAFTED, event.draftedOn());
        });
    }

    @EventHandler
    void on(AuditSignedOff event) {
        update(event.auditId(), view -> {
            view.status = "SIGNED_OFF";
            view.signedOff = new AuditView.Step(event.signedOffOn(), event.signedOffBy());
            view.reach(Milestone.SIGNED_OFF, event.signedOffOn());
        });
    }

    @EventHandler
    void on(AuditMonitoringStarted event) {
        update(event.auditId(), view -> {
            view.status = "MONITORING";
            view.monitoringStarted = new AuditView.Step(event.startedOn(), event.monitoredBy());
            view.reach(Milestone.MONITORING_STARTED, event.startedOn());
        });
    }

    @EventHandler
    void on(AuditClosed event) {
        update(event.auditId(), view -> {
            view.status = "CLOSED";
            view.closed = new AuditView.Step(event.closedOn(), event.closedBy());
            view.evaluation = event.evaluation();
            view.reach(Milestone.CLOSED, event.closedOn());
        });
    }

    @EventHandler
    void on(AuditMilestoneRescheduled event) {
        update(event.auditId(), view -> {
            view.plan(event.milestone(), event.planned());
            view.reschedulings.add(new AuditView.Rescheduling(event.milestone(), event.previous(), event.planned(),
                    event.decidedBy(), event.reason()));
        });
    }

    @EventHandler
    void on(AuditActivityCompleted event) {
        update(event.auditId(), view -> view.activities.replaceAll(a -> a.activityId().equals(event.activityId())
                ? new AuditView.ActivityDates(a.activityId(), a.description(), a.startsOn(), a.endsOn(), event.completedOn())
                : a));
    }

    @EventHandler
    void on(AuditSuccessMeasuresSet event) {
        update(event.auditId(), view -> view.successMeasures = new ArrayList<>(event.measures().stream()
                .map(m -> new AuditView.SuccessMeasureView(m.measureId(), m.description(), null)).toList()));
    }

    @EventHandler
    void on(AuditSuccessMeasureEvaluated event) {
        update(event.auditId(), view -> view.successMeasures.replaceAll(m -> m.measureId().equals(event.measureId())
                ? new AuditView.SuccessMeasureView(m.measureId(), m.description(), event) : m));
    }

    @EventHandler
    void on(AuditLearningDisseminated event) {
        update(event.auditId(), view -> {
            view.disseminations.removeIf(d -> d.disseminationId().equals(event.disseminationId()));
            view.disseminations.add(event);
        });
    }

    private void update(String auditId, Consumer<AuditView> change) {
        AuditRecord record = records.findById(auditId).orElseGet(() -> new AuditRecord(auditId));
        AuditView view = record.view();
        view.auditId = auditId;
        change.accept(view);
        record.update(view);
        records.save(record);
    }
}
