package io.maap.actionplan.aspect.command;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One deployment serves one partnership, named by {@code maap.partnership.id}. */
@Configuration(proxyBeanMethods = false)
public class AspectConfiguration {

    @Bean
    public AspectCatalogue aspectCatalogue(EventStore eventStore, PartnershipId partnership) {
        return new EventStoreAspectCatalogue(eventStore, partnership.value());
    }

    @Bean
    public PartnershipId partnershipId(@Value("${maap.partnership.id:partnership}") String id) {
        return new PartnershipId(id);
    }

    /** The partnership this deployment serves; its aspect taxonomy is held under this id. */
    public record PartnershipId(String value) {
    }
}
