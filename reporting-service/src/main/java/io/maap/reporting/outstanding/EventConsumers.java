package io.maap.reporting.outstanding;

import io.maap.events.auditprogramme.AuditCommissioned;
import io.maap.events.casereturn.ReturnRequested;
import io.maap.support.messaging.IncomingEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import java.util.function.Consumer;

/** Feeds the projections from the event topics; unreadable messages go to the dead-letter topic. */
@Configuration(proxyBeanMethods = false)
public class EventConsumers {

    @Bean
    public Consumer<Message<byte[]>> auditEvents(OutstandingReturnsProjection projection) {
        return message -> {
            IncomingEvent event = IncomingEvent.from(message);
            if (event.payload() instanceof AuditCommissioned commissioned) {
                projection.on(commissioned, event.requiredSequence());
            }
        };
    }

    @Bean
    public Consumer<Message<byte[]>> caseReturnEvents(OutstandingReturnsProjection projection) {
        return message -> {
            IncomingEvent event = IncomingEvent.from(message);
            if (event.payload() instanceof ReturnRequested requested) {
                projection.on(requested, event.requiredSequence());
            }
        };
    }
}
