package io.maap.casereturn.agency.messaging;

import io.maap.events.AgencyOutcomes;
import io.maap.events.EventCatalog;
import io.maap.events.Topics;
import io.maap.support.messaging.EventJson;
import tools.jackson.databind.JsonNode;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Which agency's outcomes topic an event of {@code maap.case-returns.events.v1} goes to, if any:
 * the events {@link AgencyOutcomes} names, to the agency their {@code agency} field names, when
 * that agency's system is connected over Kafka ({@link ConnectedAgencies}). Everything else stays
 * where it is.
 */
final class AgencyOutcomeRouting {

    private static final Set<String> RELAYED = AgencyOutcomes.PAYLOADS.stream()
            .map(payload -> EventCatalog.forPayload(payload).orElseThrow().cloudEventType())
            .collect(Collectors.toUnmodifiableSet());

    private final Predicate<String> connected;

    AgencyOutcomeRouting(Collection<String> kafkaAgencies) {
        this(ConnectedAgencies.configuredOnly(kafkaAgencies));
    }

    AgencyOutcomeRouting(Predicate<String> connected) {
        this.connected = connected;
    }

    /** The outcomes topic for an event of this CloudEvents type and JSON payload, or empty to leave it. */
    Optional<String> topicFor(String cloudEventType, byte[] payload) {
        if (cloudEventType == null || !RELAYED.contains(cloudEventType) || payload == null) {
            return Optional.empty();
        }
        JsonNode agency;
        try {
            agency = EventJson.mapper().readTree(payload).path("agency");
        } catch (RuntimeException unreadable) {
            return Optional.empty(); // the live consumers dead-letter what they cannot read
        }
        return agency.isString() && connected.test(agency.asString())
                ? Optional.of(Topics.agencyOutcomes(agency.asString()))
                : Optional.empty();
    }
}
