package io.maap.events.auditprogramme;

import io.maap.events.EventType;

import java.time.LocalDate;

/**
 * Learning from an audit has been sent out: what, through which channel, to whom and when (seed
 * 000: "published in LSCB Newsletter shared with training providers", "disseminated across all
 * partners through Multi-Agency Briefings", "published on the LSCB website"). A themed audit
 * closes only after at least one.
 *
 * @param auditId         the audit
 * @param programmeId     the programme that holds it
 * @param disseminationId the client's id for this record, unique within the audit
 * @param channel         the channel
 * @param what            what was sent, e.g. "Seven-minute briefing on neglect care plans"
 * @param sentTo          to whom, e.g. "All partner agencies' safeguarding leads"
 * @param sentOn          the day it was sent
 * @param recordedBy      the user who recorded it
 */
@EventType(name = "maap.audit.learning-disseminated", version = 1)
public record AuditLearningDisseminated(
        String auditId,
        String programmeId,
        String disseminationId,
        Channel channel,
        String what,
        String sentTo,
        LocalDate sentOn,
        String recordedBy) implements AuditProgrammeEvent {

    /** How learning was spread. */
    public enum Channel { NEWSLETTER, MULTI_AGENCY_BRIEFING, TRAINING_PROVIDERS, WEBSITE, OTHER }
}
