package io.maap.events.actionplan;

import io.maap.events.EventType;

import java.time.LocalDate;
import java.util.List;

/**
 * A finding of a commissioned audit was recorded, usually from the challenge day: good practice
 * or an area for improvement, under one aspect of practice. Sent once per finding.
 *
 * @param findingId      the finding's identifier
 * @param auditId        the audit it was found in; also the Kafka key
 * @param programmeId    the programme the audit belongs to
 * @param aspect         the aspect code, e.g. {@code voice-of-the-child}
 * @param aspectLabel    the aspect as shown, e.g. "Voice of the child"
 * @param kind           good practice or area for improvement
 * @param agencies       the agency codes the finding concerns; empty when it concerns the whole partnership
 * @param references     the pseudonymised case references or return ids the finding rests on
 * @param summary        what was found
 * @param recommendation what should be done (or, for good practice, spread)
 * @param recordedBy     who recorded it
 * @param recordedOn     the day it was found (Europe/London), e.g. the challenge day
 */
@EventType(name = "maap.finding.recorded", version = 1)
public record FindingRecorded(
        String findingId,
        String auditId,
        String programmeId,
        String aspect,
        String aspectLabel,
        FindingKind kind,
        List<String> agencies,
        List<String> references,
        String summary,
        String recommendation,
        String recordedBy,
        LocalDate recordedOn) implements ActionPlanEvent {

    public FindingRecorded {
        agencies = List.copyOf(agencies);
        references = List.copyOf(references);
    }
}
