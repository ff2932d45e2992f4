package io.maap.casereturn.agency.messaging;

import io.maap.events.EventCatalog;
import io.maap.events.Topics;
import io.maap.events.agency.AgencySubmission;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * What an agency system may publish on {@code maap.agency-submissions.v1}: the contracts in
 * shared-events ({@link AgencySubmission}), by CloudEvents type. Their constraint annotations are
 * both what this service validates and what the published JSON Schemas say.
 */
final class AgencyMessages {

    /** CloudEvents type → payload record. */
    static final Map<String, Class<? extends AgencySubmission>> TYPES = EventCatalog.all().stream()
            .filter(entry -> entry.topic().equals(Topics.AGENCY_SUBMISSIONS_ADDRESS))
            .collect(Collectors.toUnmodifiableMap(EventCatalog.Entry::cloudEventType,
                    entry -> entry.payloadType().asSubclass(AgencySubmission.class)));

    private AgencyMessages() {
    }
}
