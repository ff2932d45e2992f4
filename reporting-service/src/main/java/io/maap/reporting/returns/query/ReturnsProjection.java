package io.maap.reporting.returns.query;

import io.maap.events.casereturn.AuditorNominated;
import io.maap.events.casereturn.CaseReturnEvent;
import io.maap.events.casereturn.NilReturnSubmitted;
import io.maap.events.casereturn.ReturnAccepted;
import io.maap.events.casereturn.ReturnAcknowledged;
import io.maap.events.casereturn.ReturnDeadlineExtended;
import io.maap.events.casereturn.ReturnOverdue;
import io.maap.events.casereturn.ReturnReminderSent;
import io.maap.events.casereturn.ReturnRequested;
import io.maap.events.casereturn.ReturnSentBack;
import io.maap.events.casereturn.ReturnSubmitted;
import io.maap.reporting.projection.query.ProgrammeFigures;
import io.maap.reporting.projection.query.Projection;
import io.maap.reporting.projection.query.ProjectionStore;
import io.maap.support.messaging.IncomingEvent;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * One document per return request: where it stands (awaiting the agency, submitted, sent back,
 * accepted), its due date in force, whether it was reminded or marked overdue, and how its first
 * return arrived (on time or late, nil or not). The overdue view, the scorecard and agency
 * compliance read it.
 */
@Component
public class ReturnsProjection implements Projection {

    public static final String RETURNS = "return_requests";

    /** Where a return request stands. */
    public enum Status { AWAITING, SUBMITTED, SENT_BACK, ACCEPTED }

    @Override
    public void apply(IncomingEvent event, ProjectionStore store) {
        if (!(event.payload() instanceof CaseReturnEvent returnEvent)) {
            return;
        }
        Update update = update(returnEvent);
        if (update != null) {
            store.applyInOrder(RETURNS, returnEvent.returnRequestId(), event.requiredSequence(), update
                    .set("auditId", returnEvent.auditId())
                    .set("programmeId", returnEvent.programmeId())
                    .set("caseReference", returnEvent.caseReference())
                    .set("agency", returnEvent.agency()));
            ProgrammeFigures.apply(store, returnEvent.programmeId(), ProgrammeFigures.RETURNS, returnEvent.returnRequestId(),
                    event.requiredSequence(), update, ProgrammeFigures.RETURN_FIELDS);
        }
    }

    private static Update update(CaseReturnEvent event) {
        if (event instanceof ReturnRequested e) {
            return new Update()
                    .set("caseType", e.caseType().name())
                    .set("requestedOn", e.requestedOn().toString())
                    .set("originalDueDate", e.dueDate().toString())
                    .set("dueDate", e.dueDate().toString())
                    .set("reminderDate", e.reminderDate().toString())
                    .set("status", Status.AWAITING.name())
                    .set("awaitingAgency", true)
                    .set("received", false)
                    .set("nil", false)
                    .set("reminded", false)
                    .set("overdue", false)
                    .set("sentBackCount", 0);
        }
        if (event instanceof ReturnAcknowledged e) {
            return new Update().set("acknowledgedAt", e.acknowledgedAt().toString());
        }
        if (event instanceof AuditorNominated e) {
            return new Update().set("auditor", e.auditor());
        }
        if (event instanceof ReturnSubmitted e) {
            Update update = submitted(e.version(), e.submittedOn().toString(), e.workingDaysLate(), e.channel());
            return update.set("nil", false);
        }
        if (event instanceof NilReturnSubmitted e) {
            return submitted(e.version(), e.submittedOn().toString(), e.workingDaysLate(), e.channel()).set("nil", true);
        }
        if (event instanceof ReturnAccepted e) {
            return new Update().set("status", Status.ACCEPTED.name()).set("awaitingAgency", false)
                    .set("acceptedAt", e.acceptedAt().toString());
        }
        if (event instanceof ReturnSentBack e) {
            return new Update().set("status", Status.SENT_BACK.name()).set("awaitingAgency", true)
                    .inc("sentBackCount", 1)
                    .set("dueDate", e.resubmissionDue().toString())
                    .set("overdue", false);
        }
        if (event instanceof ReturnReminderSent) {
            return new Update().set("reminded", true);
        }
        if (event instanceof ReturnOverdue e) {
            return new Update().set("overdue", true).set("overdueFrom", e.overdueFrom().toString());
        }
        if (event instanceof ReturnDeadlineExtended e) {
            return new Update().set("dueDate", e.newDueDate().toString()).set("extended", true)
                    .set("overdue", false);
        }
        return null;
    }

    private static Update submitted(int version, String submittedOn, int workingDaysLate, String channel) {
        Update update = new Update()
                .set("status", Status.SUBMITTED.name())
                .set("awaitingAgency", false)
                .set("received", true)
                .set("overdue", false)
                .set("version", version)
                .set("lastSubmittedOn", submittedOn)
                .set("channel", channel);
        if (version == 1) {
            update.set("firstSubmittedOn", submittedOn).set("firstWorkingDaysLate", workingDaysLate);
        }
        return update;
    }
}
