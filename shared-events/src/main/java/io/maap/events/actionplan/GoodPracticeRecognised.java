package io.maap.events.actionplan;

import io.maap.events.EventType;

import java.time.LocalDate;
import java.util.List;

/**
 * Good practice found by an audit was formally recognised: the chair wrote to the agencies
 * concerned. Sent at most once per good-practice finding.
 *
 * @param findingId    the good-practice finding recognised
 * @param auditId      the audit; also the Kafka key
 * @param programmeId  the programme the audit belongs to
 * @param aspect       the finding's aspect code
 * @param agencies     the agencies recognised
 * @param recognisedBy who recognised it, e.g. "LSCB Independent Chair"
 * @param recognisedOn the day of the letter (Europe/London)
 * @param note         what was said, or where the letter is kept
 */
@EventType(name = "maap.good-practice.recognised", version = 1)
public record GoodPracticeRecognised(
        String findingId,
        String auditId,
        String programmeId,
        String aspect,
        List<String> agencies,
        String recognisedBy,
        LocalDate recognisedOn,
        String note) implements ActionPlanEvent {

    public GoodPracticeRecognised {
        agencies = List.copyOf(agencies);
    }
}
