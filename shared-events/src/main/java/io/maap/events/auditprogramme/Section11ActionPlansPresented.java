package io.maap.events.auditprogramme;

import io.maap.events.EventType;
import io.maap.events.Nullable;

import java.time.LocalDate;
import java.util.List;

/**
 * The agencies' Section 11 action plans have been presented to the Board; monitoring follows.
 * Sent once per Section 11 audit, when every agency's plan was received or someone decided to
 * go ahead without the missing ones.
 *
 * @param auditId        the Section 11 audit
 * @param programmeId    the programme that holds it
 * @param presentedOn    the day of the Board meeting
 * @param presentedTo    the board, e.g. "LSCB Board"
 * @param missingAgencies agencies whose action plan had not been received; empty normally
 * @param override       who decided to present without them, and why; null when none are missing
 */
@EventType(name = "maap.section-11.action-plans-presented", version = 1)
public record Section11ActionPlansPresented(
        String auditId,
        String programmeId,
        LocalDate presentedOn,
        String presentedTo,
        List<String> missingAgencies,
        @Nullable DeliberateOverride override) implements AuditProgrammeEvent {

    public Section11ActionPlansPresented {
        missingAgencies = List.copyOf(missingAgencies);
    }
}
