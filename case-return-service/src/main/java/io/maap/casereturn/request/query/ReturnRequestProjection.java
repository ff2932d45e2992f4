package io.maap.casereturn.request.query;

import io.maap.casereturn.request.event.ReturnVersionRecorded;
import io.maap.events.casereturn.AuditorNominated;
import io.maap.events.casereturn.NilReturnSubmitted;
import io.maap.events.casereturn.ReturnAccepted;
import io.maap.events.casereturn.ReturnAcknowledged;
import io.maap.events.casereturn.ReturnDeadlineExtended;
import io.maap.events.casereturn.ReturnOverdue;
import io.maap.events.casereturn.ReturnReminderSent;
import io.maap.events.casereturn.ReturnRequested;
import io.maap.events.casereturn.ReturnSentBack;
import io.maap.events.casereturn.ReturnSubmitted;
import io.maap.events.casereturn.SafeguardingConcernAcknowledged;
import io.maap.events.casereturn.SafeguardingConcernRaised;
import io.maap.support.messaging.EventJson;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps the query model in step with the return requests. Runs in a subscribing processor, in the
 * command's own transaction, so what a command changed is readable as soon as it returns (the REST
 * API and the agency ingestion check requests here).
 */
@Component
@ProcessingGroup(ReturnRequestProjection.PROCESSING_GROUP)
public class ReturnRequestProjection {

    public static final String PROCESSING_GROUP = "case-return-query";

    private final ReturnRequestViews requests;
    private final ReturnVersionViews versions;
    private final SafeguardingConcernViews concerns;

    public ReturnRequestProjection(ReturnRequestViews requests, ReturnVersionViews versions, SafeguardingConcernViews concerns) {
        this.requests = requests;
        this.versions = versions;
        this.concerns = concerns;
    }

    @EventHandler
    void on(ReturnRequested event) {
        ReturnRequestView view = requests.findById(event.returnRequestId()).orElseGet(ReturnRequestView::new);
        view.returnRequestId = event.returnRequestId();
        view.auditId = event.auditId();
        view.programmeId = event.programmeId();
        view.caseReference = event.caseReference();
        view.caseType = event.caseType();
        view.agency = event.agency();
        view.requestedOn = event.requestedOn();
        view.dueDate = event.dueDate();
        view.originalDueDate = event.dueDate();
        view.reminderDate = event.reminderDate();
        view.status = ReturnRequestView.Status.OUTSTANDING;
        requests.save(view);
    }

    @EventHandler
    void on(ReturnAcknowledged event) {
        update(event.returnRequestId(), view -> {
            view.acknowledgedBy = event.acknowledgedBy();
            view.acknowledgedAt = event.acknowledgedAt();
            view.caseHolder = event.caseHolder();
            view.lineManager = event.lineManager();
        });
    }

    @EventHandler
    void on(AuditorNominated event) {
        update(event.returnRequestId(), view -> view.auditor = event.auditor());
    }

    @EventHandler
    void on(ReturnSubmitted event) {
        update(event.returnRequestId(), view -> {
            view.status = ReturnRequestView.Status.AWAITING_QA;
            view.latestVersion = event.version();
            view.nilReturn = false;
        });
        ReturnVersionView version = new ReturnVersionView();
        version.id = ReturnVersionView.idOf(event.returnRequestId(), event.version());
        version.returnRequestId = event.returnRequestId();
        version.version = event.version();
        version.submittedBy = event.submittedBy();
        version.auditor = event.auditor();
        version.submittedAt = event.submittedAt();
        version.submittedOn = event.submittedOn();
        version.dueDate = event.dueDate();
        version.workingDaysLate = event.workingDaysLate();
        version.channel = event.channel();
        versions.save(version);
    }

    @EventHandler
    void on(ReturnVersionRecorded event) {
        versions.findById(ReturnVersionView.idOf(event.returnRequestId(), event.version())).ifPresent(version -> {
            version.answersJson = EventJson.mapper().writeValueAsString(event.answers());
            versions.save(version);
        });
    }

    @EventHandler
    void on(NilReturnSubmitted event) {
        update(event.returnRequestId(), view -> {
            view.status = ReturnRequestView.Status.AWAITING_QA;
            view.latestVersion = event.version();
            view.nilReturn = true;
        });
        ReturnVersionView version = new ReturnVersionView();
        version.id = ReturnVersionView.idOf(event.returnRequestId(), event.version());
        version.returnRequestId = event.returnRequestId();
        version.version = event.version();
        version.nilReturn = true;
        version.submittedBy = event.submittedBy();
        version.submittedAt = event.submittedAt();
        version.submittedOn = event.submittedOn();
        version.dueDate = event.dueDate();
        version.workingDaysLate = event.workingDaysLate();
        version.channel = event.channel();
        // A declaration covering any time has no first day to show (null, or the old events' placeholder).
        version.noInvolvementFrom = event.coversAnyTime() ? null : event.noInvolvementFrom();
        version.noInvolvementTo = event.noInvolvementTo();
        versions.save(version);
    }

    @EventHandler
    void on(ReturnAccepted event) {
        update(event.returnRequestId(), view -> {
            view.status = ReturnRequestView.Status.ACCEPTED;
            view.acceptedBy = event.acceptedBy();
            view.acceptedAt = event.acceptedAt();
        });
        versions.findById(ReturnVersionView.idOf(event.returnRequestId(), event.version())).ifPresent(version -> {
            version.verdict = ReturnVersionView.Verdict.ACCEPTED;
            version.verdictBy = event.acceptedBy();
            version.verdictAt = event.acceptedAt();
            versions.save(version);
        });
    }

    @EventHandler
    void on(ReturnSentBack event) {
        String reasons = String.join("\n", event.reasons());
        update(event.returnRequestId(), view -> {
            view.status = ReturnRequestView.Status.SENT_BACK;
            view.dueDate = event.resubmissionDue();
            view.overdueFrom = null;
            view.sentBackReasons = reasons;
        });
        versions.findById(ReturnVersionView.idOf(event.returnRequestId(), event.version())).ifPresent(version -> {
            version.verdict = ReturnVersionView.Verdict.SENT_BACK;
            version.sentBackReasons = reasons;
            version.verdictBy = event.sentBackBy();
            version.verdictAt = event.sentBackAt();
            versions.save(version);
        });
    }

    @EventHandler
    void on(ReturnDeadlineExtended event) {
        update(event.returnRequestId(), view -> {
            view.dueDate = event.newDueDate();
            view.overdueFrom = null;
            view.extensionReason = event.reason();
            view.extensionApprovedBy = event.approvedBy();
        });
    }

    @EventHandler
    void on(ReturnReminderSent event) {
        update(event.returnRequestId(), view -> view.reminded = true);
    }

    @EventHandler
    void on(ReturnOverdue event) {
        update(event.returnRequestId(), view -> view.overdueFrom = event.overdueFrom());
    }

    @EventHandler
    void on(SafeguardingConcernRaised event) {
        SafeguardingConcernView concern = new SafeguardingConcernView();
        concern.id = SafeguardingConcernView.idOf(event.returnRequestId(), event.concernId());
        concern.returnRequestId = event.returnRequestId();
        concern.concernId = event.concernId();
        concern.auditId = event.auditId();
        concern.programmeId = event.programmeId();
        concern.caseReference = event.caseReference();
        concern.agency = event.agency();
        concern.raisedBy = event.raisedBy();
        concern.raisedAt = event.raisedAt();
        concern.summary = event.summary();
        concern.category = event.category() == null ? null : event.category().name();
        concern.agenciesToInform = event.agenciesToInform() == null || event.agenciesToInform().isEmpty() ? null
                : String.join(",", event.agenciesToInform());
        concern.urgent = true;
        concerns.save(concern);
        update(event.returnRequestId(), view -> view.openSafeguardingConcerns++);
    }

    @EventHandler
    void on(SafeguardingConcernAcknowledged event) {
        concerns.findById(SafeguardingConcernView.idOf(event.returnRequestId(), event.concernId())).ifPresent(concern -> {
            concern.urgent = false;
            concern.acknowledgedBy = event.acknowledgedBy();
            concern.acknowledgedAt = event.acknowledgedAt();
            concern.response = event.response();
            concerns.save(concern);
        });
        update(event.returnRequestId(), view -> view.openSafeguardingConcerns = Math.max(0, view.openSafeguardingConcerns - 1));
    }

    private void update(String returnRequestId, java.util.function.Consumer<ReturnRequestView> change) {
        requests.findById(returnRequestId).ifPresent(view -> {
            change.accept(view);
            requests.save(view);
        });
    }
}
