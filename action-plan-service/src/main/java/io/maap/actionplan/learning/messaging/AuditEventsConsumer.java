package io.maap.actionplan.learning.messaging;

import io.maap.actionplan.learning.command.RegisterAudit;
import io.maap.events.auditprogramme.AuditCommissioned;
import io.maap.events.auditprogramme.Section11AuditPlanned;
import io.maap.support.messaging.IncomingEvent;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import java.util.function.Consumer;

/**
 * Learns of commissioned themed audits and planned Section 11 audits, so findings can only be
 * recorded against audits that exist.
 */
@Configuration(proxyBeanMethods = false)
public class AuditEventsConsumer {

    @Bean
    public Consumer<Message<byte[]>> auditEvents(CommandGateway commands) {
        return message -> {
            IncomingEvent event = IncomingEvent.from(message);
            if (event.payload() instanceof AuditCommissioned audit) {
                commands.sendAndWait(RegisterAudit.of(audit));
            } else if (event.payload() instanceof Section11AuditPlanned audit) {
                commands.sendAndWait(RegisterAudit.of(audit));
            }
        };
    }
}
