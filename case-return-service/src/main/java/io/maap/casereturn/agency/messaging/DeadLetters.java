package io.maap.casereturn.agency.messaging;

import io.maap.casereturn.agency.messaging.Outcome.Rejected;
import io.maap.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * A rejected message goes to {@code maap.agency-submissions.dlq.v1} byte for byte, with its
 * headers, the reason and code, and where it came from; then the topic's agency is told.
 * Its source and id are remembered only when the source names the topic's agency (proven by the
 * broker): then a resend with the same id is not applied later, and an impostor's message cannot
 * block the real agency's.
 */
final class DeadLetters {

    static final String REASON_HEADER = "x-exception-message";
    static final String CODE_HEADER = "x-maap-rejection-code";
    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private final KafkaTemplate<byte[], byte[]> kafka;
    private final ProcessedAgencyMessages processed;
    private final OutcomePublisher outcomes;
    private final Clock clock;

    DeadLetters(KafkaTemplate<byte[], byte[]> kafka, ProcessedAgencyMessages processed, OutcomePublisher outcomes, Clock clock) {
        this.kafka = kafka;
        this.processed = processed;
        this.outcomes = outcomes;
        this.clock = clock;
    }

    /** {@code event} is the message as parsed, or null if it could not be: then what it had is read as far as it goes. */
    void reject(ConsumerRecord<byte[], byte[]> record, InboundCloudEvent event, Rejected<?> rejection) {
        // The reason may quote the message; it goes to the dead-letter record, never to the log.
        log.warn("Agency message rejected ({}) from topic {} partition {} offset {}", rejection.code(), record.topic(),
                record.partition(), record.offset());
        Send.andWait(kafka, deadLetter(record, rejection));

        String source = event != null ? event.source() : InboundCloudEvent.bestEffort(record, "source");
        String id = event != null ? event.id() : InboundCloudEvent.bestEffort(record, "id");
        String type = event != null ? event.type() : InboundCloudEvent.bestEffort(record, "type");
        String agency = Topics.agencyOfSubmissionsTopic(record.topic()).orElse(null);
        boolean remember = id != null && agency != null && CheckAttributes.agencyNamedBy(source).filter(agency::equals).isPresent();
        ProcessedAgencyMessage outcome = new ProcessedAgencyMessage(source, id, type, false, rejection.code(),
                rejection.reason(), null, clock.instant());
        outcomes.publish(remember ? processed.save(outcome) : outcome, agency, remember);
    }

    static ProducerRecord<byte[], byte[]> deadLetter(ConsumerRecord<byte[], byte[]> record, Rejected<?> rejection) {
        ProducerRecord<byte[], byte[]> dead = new ProducerRecord<>(Topics.AGENCY_SUBMISSIONS_DLQ, null, record.key(),
                record.value(), new RecordHeaders(record.headers().toArray()));
        // The reason may quote what was sent (a 100 KB type, say): bounded, so that the dead letter fits its topic.
        header(dead, REASON_HEADER, ProcessedAgencyMessage.fit(rejection.reason(), 1000));
        header(dead, CODE_HEADER, rejection.code());
        header(dead, "x-maap-original-topic", record.topic());
        header(dead, "x-maap-original-partition", Integer.toString(record.partition()));
        header(dead, "x-maap-original-offset", Long.toString(record.offset()));
        return dead;
    }

    private static void header(ProducerRecord<byte[], byte[]> record, String name, String value) {
        record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
    }
}
