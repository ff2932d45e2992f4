package io.maap.reporting.outstanding;

import io.maap.events.auditprogramme.AuditCommissioned;
import io.maap.events.casereturn.ReturnRequested;
import io.maap.reporting.projection.SequencedWrites;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The return requests still awaiting an agency's return, and the audits they belong to.
 * Idempotent and ordered per aggregate through {@link SequencedWrites}.
 */
@Component
public class OutstandingReturnsProjection {

    static final String AUDITS = "audits";
    static final String RETURN_REQUESTS = "return_requests";

    private final SequencedWrites writes;

    public OutstandingReturnsProjection(SequencedWrites writes) {
        this.writes = writes;
    }

    public void on(AuditCommissioned event, long sequence) {
        writes.apply(AUDITS, event.auditId(), sequence, new Update()
                .set("programmeId", event.programmeId())
                .set("title", event.title())
                .set("theme", event.theme())
                .set("returnDeadline", event.returnDeadline().toString()));
    }

    public void on(ReturnRequested event, long sequence) {
        writes.apply(RETURN_REQUESTS, event.returnRequestId(), sequence, new Update()
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
