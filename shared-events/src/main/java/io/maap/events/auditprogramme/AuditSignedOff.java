package io.maap.events.auditprogramme;

import io.maap.events.EventType;

import java.time.LocalDate;

/**
 * The Board (or Executive) has signed off the audit report and its action plan: the learning
 * can be disseminated. Sent once per audit, after the report was drafted. Reaches
 * {@link Milestone#SIGNED_OFF} ("presented to Executive" in a programme schedule).
 *
 * @param auditId      the audit
 * @param programmeId  the programme that holds it
 * @param signedOffOn  the day of the Board meeting
 * @param signedOffBy  the board that signed it off, e.g. "LSCB Executive Board"
 */
@EventType(name = "maap.audit.signed-off", version = 1)
public record AuditSignedOff(
        String auditId,
        String programmeId,
        LocalDate signedOffOn,
        String signedOffBy) implements AuditProgrammeEvent {
}
