package io.maap.reporting.outstanding;

import io.maap.events.auditprogramme.AuditCommissioned;
import io.maap.events.casereturn.ReturnRequested;
import io.maap.reporting.projection.Projection;
import io.maap.reporting.projection.ProjectionStore;
import io.maap.support.messaging.IncomingEvent;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** The return requests still awaiting an agency's return, and the audits they belong to. */
@Component
public class OutstandingReturnsProjection implements Projection {

    static final String AUDITS = "audits";
    static final String RETURN_REQUESTS = "return_requests";

    @Override
    public void apply(IncomingEvent event, ProjectionStore store) {
        if (event.payload() instanceof AuditCommissioned commissioned) {
            on(commissioned, event.requiredSequence(), store);
        } else if (event.payload() instanceof ReturnRequested requested) {
            on(requested, event.requiredSequence(), store);
        }
    }

    void on(AuditCommissioned event, long sequence, ProjectionStore store) {
        store.applyInOrder(AUDITS, event.auditId(), sequence, new Update()
                .set("programmeId", event.programmeId())
                .set("title", event.title())
                .set("theme", event.theme())
                .set("returnDeadline", event.returnDeadline().toString()));
    }

    void on(ReturnRequested event, long sequence, ProjectionStore store) {
        store.applyInOrder(RETURN_REQUESTS, event.returnRequestId(), sequence, new Update()
                .set("auditId", event.auditId())
                .set("programmeId", event.programmeId())
                .set("caseReference", event.caseReference())
                .set("caseType", event.caseType().name())
                .set("agency", event.agency())
                .set("requestedOn", event.requestedOn().toString())
                .set("dueDate", event.dueDate().toString())
                .set("reminderDate", event.reminderDate().toString())
                .set("status", ReturnStatus.OUTSTANDING.name()));
    }
}
