package io.maap.casereturn.agency.messaging;

import io.maap.casereturn.agency.messaging.Outcome.Accepted;
import io.maap.casereturn.agency.messaging.Outcome.AlreadyProcessed;
import io.maap.casereturn.agency.messaging.Outcome.Rejected;
import io.maap.casereturn.request.query.ReturnRequestViews;
import io.maap.events.Topics;
import jakarta.validation.Validator;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;

/**
 * Applies what agency systems publish on their topics {@code maap.agency-submissions.v1.<agency>},
 * one message at a time through the steps below; the first that refuses a message ends it. An
 * applied message gets an accepted outcome; a refused one is dead-lettered with its reason
 * ({@link DeadLetters}) and gets a rejected outcome; one processed before keeps its outcome.
 * Outcomes go to {@code maap.case-returns.events.v1}, keyed by the agency's code.
 */
public class AgencySubmissionsConsumer implements MessageListener<byte[], byte[]> {

    private static final Logger log = LoggerFactory.getLogger(AgencySubmissionsConsumer.class);

    private final Step<ConsumerRecord<byte[], byte[]>, Received> parse = new ParseCloudEvent();
    private final Step<Received, ProcessedAgencyMessage> checkAndApply;
    private final OutcomePublisher outcomes;
    private final DeadLetters deadLetters;

    public AgencySubmissionsConsumer(CommandGateway commands, ReturnRequestViews requests, ProcessedAgencyMessages processed,
                                     TransactionTemplate transactions, Validator validator, KafkaTemplate<byte[], byte[]> kafka,
                                     Clock clock, String serviceSource) {
        this.checkAndApply = new CheckAttributes()
                .then(new AuthenticateAgency())
                .then(new SkipProcessed(processed))
                .then(new ReadPayload(validator))
                .then(new RequireRequest(requests))
                .then(new ApplySubmission(commands, processed, transactions, clock));
        this.outcomes = new OutcomePublisher(kafka, processed, serviceSource);
        this.deadLetters = new DeadLetters(kafka, processed, outcomes, clock);
    }

    @Override
    public void onMessage(ConsumerRecord<byte[], byte[]> record) {
        Outcome<Received> parsed = parse.apply(record);
        Outcome<ProcessedAgencyMessage> outcome = parsed.then(checkAndApply);
        String agency = Topics.agencyOfSubmissionsTopic(record.topic()).orElse(null);
        if (outcome instanceof Accepted<ProcessedAgencyMessage> applied) {
            outcomes.publish(applied.value(), agency, true);
        } else if (outcome instanceof AlreadyProcessed<ProcessedAgencyMessage> earlier) {
            log.info("Agency message {} from {} was processed already; ignored", earlier.earlier().messageId,
                    earlier.earlier().source);
            if (!earlier.earlier().outcomePublished) {
                outcomes.publish(earlier.earlier(), agency, true);
            }
        } else {
            deadLetters.reject(record, parsed instanceof Accepted<Received> received ? received.value().event() : null,
                    (Rejected<?>) outcome);
        }
    }
}
