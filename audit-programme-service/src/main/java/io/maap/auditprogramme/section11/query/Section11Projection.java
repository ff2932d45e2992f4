package io.maap.auditprogramme.section11.query;

import io.maap.auditprogramme.audit.query.AuditProjection;
import io.maap.auditprogramme.audit.query.AuditRecord;
import io.maap.auditprogramme.audit.query.AuditRecords;
import io.maap.auditprogramme.audit.query.AuditView;
import io.maap.events.auditprogramme.Milestone;
import io.maap.events.auditprogramme.Section11ActionPlansPresented;
import io.maap.events.auditprogramme.Section11AgencyStepRecorded;
import io.maap.events.auditprogramme.Section11AuditClosed;
import io.maap.events.auditprogramme.Section11AuditPlanned;
import io.maap.events.auditprogramme.Section11MonitoringReviewed;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.function.Consumer;

/**
 * Keeps Section 11 audits in {@code audit_view} beside the themed audits, so a programme and
 * its schedule read from one table: "commence" is the planned start, "presented to Executive"
 * the final presentation, when the Board closes the audit with its evaluation. The presentation
 * of the action plans to the July Board is a step of its own ({@code actionPlansPresented}).
 */
@Component
@ProcessingGroup(AuditProjection.PROCESSING_GROUP)
public class Section11Projection {

    private final AuditRecords records;

    public Section11Projection(AuditRecords records) {
        this.records = records;
    }

    @EventHandler
    void on(Section11AuditPlanned event) {
        update(event.auditId(), view -> {
            view.kind = "SECTION_11";
            view.programmeId = event.programmeId();
            view.status = "PLANNED";
            view.title = event.title();
            view.theme = "Section 11";
            view.businessPlanPriorities = event.businessPlanPriorities();
            view.leadOfficer = event.leadOfficer();
            view.timescale = event.timescale();
            view.participatingAgencies = event.agencies();
            view.plan(Milestone.TOOL_SENT, event.commence());
            view.plan(Milestone.SIGNED_OFF, event.presentedToExecutive());
            view.activities = new ArrayList<>(event.phases().stream()
                    .map(a -> new AuditView.ActivityDates(a.activityId(), a.description(), a.startsOn(), a.endsOn(), null))
                    .toList());
            view.selfAssessments = new ArrayList<>(event.agencies().stream()
                    .map(agency -> new AuditView.AgencySelfAssessment(agency, null, null, null, null, null)).toList());
        });
    }

    @EventHandler
    void on(Section11AgencyStepRecorded event) {
        update(event.auditId(), view -> {
            view.selfAssessments.replaceAll(a -> !a.agency().equals(event.agency()) ? a : switch (event.step()) {
                case SELF_ASSESSMENT_SUBMITTED -> new AuditView.AgencySelfAssessment(a.agency(), event.on(), null, null, null, null);
                case CHALLENGE_PANEL_HELD -> new AuditView.AgencySelfAssessment(a.agency(), a.submittedOn(), event.on(),
                        event.by(), null, null);
                case SELF_ASSESSMENT_RESUBMITTED -> new AuditView.AgencySelfAssessment(a.agency(), a.submittedOn(),
                        a.challengePanelOn(), a.panelChair(), event.on(), null);
                case ACTION_PLAN_RECEIVED -> new AuditView.AgencySelfAssessment(a.agency(), a.submittedOn(),
                        a.challengePanelOn(), a.panelChair(), a.resubmittedOn(), event.on());
            });
            if (view.milestone(Milestone.TOOL_SENT).actual() == null) {
                view.reach(Milestone.TOOL_SENT, event.on());
            }
            view.status = "SELF_ASSESSMENT";
        });
    }

    @EventHandler
    void on(Section11ActionPlansPresented event) {
        update(event.auditId(), view -> {
            view.status = "ACTION_PLANS_PRESENTED";
            view.actionPlansPresented = new AuditView.ActionPlansPresented(event.presentedOn(), event.presentedTo(),
                    event.missingAgencies(), event.override());
        });
    }

    @EventHandler
    void on(Section11MonitoringReviewed event) {
        update(event.auditId(), view -> {
            view.status = "MONITORING";
            view.monitoringReviews.add(new AuditView.Step(event.reviewedOn(), event.reviewedBy()));
            if (view.milestone(Milestone.MONITORING_STARTED).actual() == null) {
                view.reach(Milestone.MONITORING_STARTED, event.reviewedOn());
            }
        });
    }

    @EventHandler
    void on(Section11AuditClosed event) {
        update(event.auditId(), view -> {
            view.status = "CLOSED";
            view.closed = new AuditView.Step(event.closedOn(), event.closedBy());
            view.evaluation = event.evaluation();
            view.reach(Milestone.SIGNED_OFF, event.closedOn());
            view.reach(Milestone.CLOSED, event.closedOn());
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
