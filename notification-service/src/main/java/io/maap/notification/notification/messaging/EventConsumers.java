package io.maap.notification.notification.messaging;

import io.maap.support.messaging.IncomingEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import java.util.function.Consumer;

/**
 * The three event topics this service reads. A message that is not a readable MAAP event goes to
 * the service's dead-letter topic with the reason (not retried); one whose handling fails is retried,
 * then dead-lettered. How far each partition is read is recorded with what its record did
 * ({@link Backlog}).
 */
@Configuration(proxyBeanMethods = false)
public class EventConsumers {

    @Bean
    public Consumer<Message<byte[]>> auditProgrammeEvents(Intake intake) {
        return message -> intake.accept(IncomingEvent.from(message), RecordPosition.of(message.getHeaders()).orElse(null));
    }

    @Bean
    public Consumer<Message<byte[]>> caseReturnEvents(Intake intake) {
        return message -> intake.accept(IncomingEvent.from(message), RecordPosition.of(message.getHeaders()).orElse(null));
    }

    @Bean
    public Consumer<Message<byte[]>> actionPlanEvents(Intake intake) {
        return message -> intake.accept(IncomingEvent.from(message), RecordPosition.of(message.getHeaders()).orElse(null));
    }
}
