package io.maap.events.auditprogramme;

/**
 * Programme-level events published by audit-programme-service on
 * {@code maap.audit-programme.events.v1}, beside the {@link AuditProgrammeEvent}s of each audit.
 */
public sealed interface ProgrammeEvent permits ProgrammeAgreed {

    /** The programme the event belongs to; also the Kafka key. */
    String programmeId();
}
