package io.maap.auditprogramme.programme.query;

import io.maap.auditprogramme.audit.query.AuditProjection;
import io.maap.events.auditprogramme.ProgrammeAgreed;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/** Keeps {@code programme_view} up to date, in the same subscribing processor as the audits. */
@Component
@ProcessingGroup(AuditProjection.PROCESSING_GROUP)
public class ProgrammeProjection {

    private final ProgrammeRecords records;

    public ProgrammeProjection(ProgrammeRecords records) {
        this.records = records;
    }

    @EventHandler
    void on(ProgrammeAgreed event) {
        records.save(new ProgrammeRecord(event.programmeId(), event.partnership(), event.title(), event.periodStart(),
                event.periodEnd(), event.agreedOn(), event.agreedBy()));
    }
}
