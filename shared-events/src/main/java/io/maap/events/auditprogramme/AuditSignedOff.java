package io.maap.events.auditprogramme;

import io.maap.events.EventType;
import io.maap.events.Nullable;

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
 * @param boardMeeting the Board meeting that signed it off, as the QA coordinator named it; null when a Board
 *                     member recorded it (and in events from before this field)
 */
@EventType(name = "maap.audit.signed-off", version = 1)
public record AuditSignedOff(
        String auditId,
        String programmeId,
        LocalDate signedOffOn,
        String signedOffBy,
        @Nullable String boardMeeting) implements AuditProgrammeEvent {

    /** A sign-off recorded by a Board member, naming no meeting. */
    public AuditSignedOff(String auditId, String programmeId, LocalDate signedOffOn, String signedOffBy) {
        this(auditId, programmeId, signedOffOn, signedOffBy, null);
    }
}
