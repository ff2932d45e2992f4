package io.maap.reporting.audits.query;

import io.maap.events.auditprogramme.AuditActivityCompleted;
import io.maap.events.auditprogramme.AuditAnalysed;
import io.maap.events.auditprogramme.AuditClosed;
import io.maap.events.auditprogramme.AuditCommissioned;
import io.maap.events.auditprogramme.AuditMilestoneRescheduled;
import io.maap.events.auditprogramme.AuditMonitoringStarted;
import io.maap.events.auditprogramme.AuditPlanned;
import io.maap.events.auditprogramme.AuditProgrammeEvent;
import io.maap.events.auditprogramme.AuditReportDrafted;
import io.maap.events.auditprogramme.AuditReturnsClosed;
import io.maap.events.auditprogramme.AuditSignedOff;
import io.maap.events.auditprogramme.ChallengeDayHeld;
import io.maap.events.auditprogramme.ChallengeDayScheduled;
import io.maap.events.auditprogramme.Milestone;
import io.maap.events.auditprogramme.PlannedDate;
import io.maap.events.auditprogramme.ProgrammeAgreed;
import io.maap.events.auditprogramme.ProgrammeEvent;
import io.maap.events.auditprogramme.Section11ActionPlansPresented;
import io.maap.events.auditprogramme.Section11AgencyStepRecorded;
import io.maap.events.auditprogramme.Section11AuditClosed;
import io.maap.events.auditprogramme.Section11AuditPlanned;
import io.maap.events.auditprogramme.Section11MonitoringReviewed;
import io.maap.reporting.projection.query.ProgrammeFigures;
import io.maap.reporting.projection.query.Projection;
import io.maap.reporting.projection.query.ProjectionStore;
import io.maap.support.messaging.IncomingEvent;
import org.bson.Document;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.LocalDate;

/**
 * Programmes and their audits: title, theme, where each audit is in its lifecycle, and every
 * milestone's planned and actual date, from which the schedule and "milestones on track" come.
 * A Section 11 audit ({@code kind} SECTION_11) has the same shape: it commences ({@code TOOL_SENT})
 * with the first agency's self-assessment, its action plans go to the Board
 * ({@link #ACTION_PLANS_PRESENTED}), the Board reviews them ({@code MONITORING_STARTED}), and its
 * final presentation ({@code SIGNED_OFF}, "presented to the Executive") is its closure with the
 * evaluation; each agency's steps are kept under {@code section11Agencies}.
 */
@Component
public class AuditsProjection implements Projection {

    public static final String AUDITS = "audits";
    public static final String PROGRAMMES = "programmes";
    /** The milestone of a Section 11 audit when the agencies' action plans went to the Board (July, in seed 000). */
    public static final String ACTION_PLANS_PRESENTED = "ACTION_PLANS_PRESENTED";

    @Override
    public void apply(IncomingEvent event, ProjectionStore store) {
        Object payload = event.payload();
        if (!(payload instanceof AuditProgrammeEvent) && !(payload instanceof ProgrammeEvent)) {
            return;
        }
        long sequence = event.requiredSequence();
        if (payload instanceof ProgrammeAgreed e) {
            store.applyInOrder(PROGRAMMES, e.programmeId(), sequence, new Update()
                    .set("partnership", e.partnership())
                    .set("title", e.title())
                    .set("periodStart", e.periodStart().toString())
                    .set("periodEnd", e.periodEnd().toString())
                    .set("agreedOn", e.agreedOn().toString())
                    .set("agreedBy", e.agreedBy()));
        } else if (payload instanceof AuditPlanned e) {
            Update update = new Update()
                    .set("programmeId", e.programmeId())
                    .set("title", e.title())
                    .set("theme", e.theme())
                    .set("leadOfficer", e.leadOfficer())
                    .set("timescale", e.timescale())
                    .set("businessPlanPriorities", e.businessPlanPriorities())
                    .setOnInsert("stage", "PLANNED");
            // The plan as the Executive agreed it stays as the baseline; scheduling and rescheduling move only "planned".
            e.milestones().forEach(m -> update.set("milestones." + m.milestone().name() + ".planned", planned(m.plannedDate()))
                    .set("milestones." + m.milestone().name() + ".baseline", planned(m.plannedDate())));
            audit(store, e.auditId(), e.programmeId(), sequence, update);
        } else if (payload instanceof AuditCommissioned e) {
            audit(store, e.auditId(), e.programmeId(), sequence, new Update()
                    .set("programmeId", e.programmeId())
                    .set("title", e.title())
                    .set("theme", e.theme())
                    .set("leadOfficer", e.leadOfficer())
                    .set("returnDeadline", e.returnDeadline().toString())
                    .set("participatingAgencies", e.participatingAgencies())
                    .set("cases", e.cases().size())
                    .set("stage", "COMMISSIONED")
                    .set("milestones." + Milestone.TOOL_SENT.name() + ".actual", e.toolSentOn().toString())
                    .setOnInsert("milestones." + Milestone.TOOL_SENT.name() + ".planned",
                            planned(PlannedDate.day(e.toolSentOn()))));
        } else if (payload instanceof AuditReturnsClosed e) {
            stage(store, e.auditId(), e.programmeId(), sequence, "RETURNS_CLOSED", Milestone.RETURNS_CLOSED, e.finalSubmissionOn());
        } else if (payload instanceof AuditAnalysed e) {
            stage(store, e.auditId(), e.programmeId(), sequence, "ANALYSED", Milestone.ANALYSED, e.analysedOn());
        } else if (payload instanceof ChallengeDayScheduled e) {
            audit(store, e.auditId(), e.programmeId(), sequence, new Update()
                    .set("challengeDayScheduledOn", e.challengeDayOn().toString())
                    .set("milestones." + Milestone.CHALLENGE_DAY.name() + ".planned", planned(PlannedDate.day(e.challengeDayOn()))));
        } else if (payload instanceof ChallengeDayHeld e) {
            stage(store, e.auditId(), e.programmeId(), sequence, "CHALLENGE_DAY_HELD", Milestone.CHALLENGE_DAY, e.heldOn());
        } else if (payload instanceof AuditReportDrafted e) {
            stage(store, e.auditId(), e.programmeId(), sequence, "REPORT_DRAFTED", Milestone.REPORT_DRAFTED, e.draftedOn());
        } else if (payload instanceof AuditSignedOff e) {
            stage(store, e.auditId(), e.programmeId(), sequence, "SIGNED_OFF", Milestone.SIGNED_OFF, e.signedOffOn());
        } else if (payload instanceof AuditMonitoringStarted e) {
            stage(store, e.auditId(), e.programmeId(), sequence, "MONITORING", Milestone.MONITORING_STARTED, e.startedOn());
        } else if (payload instanceof AuditClosed e) {
            stage(store, e.auditId(), e.programmeId(), sequence, "CLOSED", Milestone.CLOSED, e.closedOn());
        } else if (payload instanceof AuditMilestoneRescheduled e) {
            audit(store, e.auditId(), e.programmeId(), sequence, new Update()
                    .set("milestones." + e.milestone().name() + ".planned", planned(e.planned())));
        } else if (payload instanceof Section11AuditPlanned e) {
            audit(store, e.auditId(), e.programmeId(), sequence, new Update()
                    .set("kind", "SECTION_11")
                    .set("programmeId", e.programmeId())
                    .set("title", e.title())
                    .set("theme", "Section 11")
                    .set("leadOfficer", e.leadOfficer())
                    .set("timescale", e.timescale())
                    .set("businessPlanPriorities", e.businessPlanPriorities())
                    .set("participatingAgencies", e.agencies())
                    .setOnInsert("stage", "PLANNED")
                    .set("milestones." + Milestone.TOOL_SENT.name() + ".planned", planned(e.commence()))
                    .set("milestones." + Milestone.SIGNED_OFF.name() + ".planned", planned(e.presentedToExecutive())));
        } else if (payload instanceof Section11AgencyStepRecorded e) {
            audit(store, e.auditId(), e.programmeId(), sequence, new Update()
                    .set("section11Agencies." + e.agency() + "." + e.step().name(), e.on().toString())
                    .min("milestones." + Milestone.TOOL_SENT.name() + ".actual", e.on().toString()));
        } else if (payload instanceof Section11ActionPlansPresented e) {
            audit(store, e.auditId(), e.programmeId(), sequence, new Update()
                    .set("stage", "ACTION_PLANS_PRESENTED")
                    .set("missingAgencies", e.missingAgencies())
                    .set("milestones." + ACTION_PLANS_PRESENTED + ".actual", e.presentedOn().toString()));
        } else if (payload instanceof Section11MonitoringReviewed e) {
            audit(store, e.auditId(), e.programmeId(), sequence, new Update()
                    .set("stage", "MONITORING")
                    .min("milestones." + Milestone.MONITORING_STARTED.name() + ".actual", e.reviewedOn().toString()));
        } else if (payload instanceof Section11AuditClosed e) {
            audit(store, e.auditId(), e.programmeId(), sequence, new Update()
                    .set("stage", "CLOSED")
                    .set("milestones." + Milestone.SIGNED_OFF.name() + ".actual", e.closedOn().toString())
                    .set("milestones." + Milestone.CLOSED.name() + ".actual", e.closedOn().toString()));
        } else if (payload instanceof AuditActivityCompleted e) {
            audit(store, e.auditId(), e.programmeId(), sequence, new Update()
                    .set("activitiesCompleted." + e.activityId(), e.completedOn().toString()));
        }
    }

    /**
     * The audit's document, then its entry among its programme's ({@link ProgrammeFigures}), which
     * its board feed and scorecard read: written for every change of the audit, after the audit's
     * document, so that the programme's document gets a new version once the change can be read
     * ({@link io.maap.reporting.projection.query.ProgrammeViewCache} reuses a programme's views,
     * audits' stages and milestones included, until that version changes). Every event sets the
     * programme on the audit's document, as on the entry's: a rebuild writes the figures from the
     * documents ({@link ProjectionStore#batchingAsOnlyWriterFiguresLast()}).
     */
    private static void audit(ProjectionStore store, String auditId, String programmeId, long sequence, Update update) {
        store.applyInOrder(AUDITS, auditId, sequence, ProgrammeFigures.named(update, programmeId));
        ProgrammeFigures.apply(store, programmeId, ProgrammeFigures.AUDITS, auditId, sequence,
                new Update().set("auditId", auditId), ProgrammeFigures.AUDIT_FIELDS);
    }

    private static void stage(ProjectionStore store, String auditId, String programmeId, long sequence, String stage,
                              Milestone milestone, LocalDate actual) {
        audit(store, auditId, programmeId, sequence, new Update()
                .set("stage", stage)
                .set("milestones." + milestone.name() + ".actual", actual.toString()));
    }

    private static Document planned(PlannedDate date) {
        return new Document("date", date.date().toString()).append("precision", date.precision().name());
    }
}
