package io.maap.events.auditprogramme;

/** Events published by audit-programme-service on {@code maap.audit-programme.events.v1}. */
public sealed interface AuditProgrammeEvent permits AuditCommissioned {

    /** The audit the event belongs to; also the Kafka key. */
    String auditId();
}
