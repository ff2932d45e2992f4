package io.maap.casereturn.request.messaging;

import io.maap.casereturn.retention.query.AuditClosures;
import io.maap.events.auditprogramme.AuditClosed;
import io.maap.events.auditprogramme.AuditCommissioned;
import io.maap.events.auditprogramme.ProgrammeAgreed;
import io.maap.events.auditprogramme.Section11AuditClosed;
import io.maap.support.messaging.IncomingEvent;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import java.util.function.Consumer;

/**
 * Turns each commissioned audit into one return request per case and participating agency.
 * Idempotent: request ids are derived from audit, case and agency, and requesting an existing
 * request changes nothing. Notes each programme's partnership and each audit's closing for the
 * retention policy (ADR 0016).
 */
@Configuration(proxyBeanMethods = false)
public class AuditEventsConsumer {

    /**
     * How many batches of an audit's return requests are asked for at a time
     * ({@code maap.case-returns.fan-out-parallelism}), and how many requests a batch, one
     * transaction, holds at most ({@code maap.case-returns.fan-out-batch-size}; ADR 0021).
     */
    @Bean(destroyMethod = "close")
    public ReturnRequestFanOut returnRequestFanOut(CommandGateway commands, TransactionManager transactions,
                                                   @Value("${maap.case-returns.fan-out-parallelism:4}") int parallelism,
                                                   @Value("${maap.case-returns.fan-out-batch-size:50}") int batchSize) {
        return new ReturnRequestFanOut(commands, transactions, parallelism, batchSize);
    }

    @Bean
    public Consumer<Message<byte[]>> auditEvents(ReturnRequestFanOut fanOut, AuditClosures closures) {
        return message -> {
            IncomingEvent event = IncomingEvent.from(message);
            if (event.payload() instanceof AuditCommissioned commissioned) {
                fanOut.requestReturns(commissioned);
            } else if (event.payload() instanceof ProgrammeAgreed programme) {
                closures.programme(programme.programmeId(), programme.partnership());
            } else if (event.payload() instanceof AuditClosed closed) {
                closures.closed(closed.auditId(), closed.programmeId(), closed.closedOn());
            } else if (event.payload() instanceof Section11AuditClosed closed) {
                closures.closed(closed.auditId(), closed.programmeId(), closed.closedOn());
            }
        };
    }
}
