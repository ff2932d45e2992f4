package io.maap.reporting.projection.messaging;

import io.maap.reporting.projection.query.Generations;
import io.maap.reporting.projection.query.Projections;

import io.maap.reporting.scorecard.messaging.BoardFeedPublisher;
import io.maap.support.crypto.KeyRing;
import io.maap.support.messaging.IncomingEvent;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import java.util.function.Consumer;

/**
 * Feeds the live generation of the read models from the event topics; unreadable messages go
 * to the dead-letter topic (see reporting-service.yml).
 */
@Configuration(proxyBeanMethods = false)
public class EventConsumers {

    @Bean
    public Consumer<Message<byte[]>> auditEvents(Projections projections, Generations generations, BoardFeedPublisher feed,
                                               ObjectProvider<KeyRing> keys) {
        return message -> apply(message, projections, generations, feed, keys.getIfAvailable());
    }

    @Bean
    public Consumer<Message<byte[]>> caseReturnEvents(Projections projections, Generations generations, BoardFeedPublisher feed,
                                               ObjectProvider<KeyRing> keys) {
        return message -> apply(message, projections, generations, feed, keys.getIfAvailable());
    }

    @Bean
    public Consumer<Message<byte[]>> actionPlanEvents(Projections projections, Generations generations, BoardFeedPublisher feed,
                                               ObjectProvider<KeyRing> keys) {
        return message -> apply(message, projections, generations, feed, keys.getIfAvailable());
    }

    /** Sensitive text is decrypted with the audit keys (ADR 0016), or reads as removed where a key is destroyed. */
    private static void apply(Message<byte[]> message, Projections projections, Generations generations, BoardFeedPublisher feed,
                              KeyRing keys) {
        IncomingEvent event = IncomingEvent.from(message, keys);
        projections.apply(event, generations.activeForEvents());
        feed.eventApplied(event.payload());
    }
}
