package io.maap.actionplan.aspect.command;

import io.maap.events.actionplan.FindingAspectRegistered;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the partnership's registered aspects from the event store rather than a query model, so
 * a finding recorded just after its aspect was registered is never refused.
 */
public class EventStoreAspectCatalogue implements AspectCatalogue {

    private final EventStore eventStore;
    private final String partnershipId;

    public EventStoreAspectCatalogue(EventStore eventStore, String partnershipId) {
        this.eventStore = eventStore;
        this.partnershipId = partnershipId;
    }

    @Override
    public Map<String, String> aspects() {
        Map<String, String> aspects = new LinkedHashMap<>(Aspects.DEFAULTS);
        eventStore.readEvents(partnershipId).asStream()
                .map(message -> message.getPayload())
                .filter(FindingAspectRegistered.class::isInstance)
                .map(FindingAspectRegistered.class::cast)
                .forEach(registered -> aspects.put(registered.aspect(), registered.label()));
        return aspects;
    }
}
