package io.maap.casereturn.agency.messaging;

import io.maap.events.EventCatalog;
import io.maap.events.agency.AgencySubmissionAccepted;
import io.maap.events.agency.AgencySubmissionOutcome;
import io.maap.events.agency.AgencySubmissionRejected;
import io.maap.support.messaging.CloudEventHeaders;
import io.maap.support.messaging.EventJson;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Tells the agency what became of its message, keyed by its agency code so that it reads its own
 * outcomes from one partition. Published directly, not through the event store: a rejected message
 * changes no aggregate. A remembered message's outcome is flagged as published, so one lost to a
 * crash is sent when the message is redelivered; its CloudEvents id is derived from the message's,
 * so a reader can drop a repeat.
 */
final class OutcomePublisher {

    private final KafkaTemplate<byte[], byte[]> kafka;
    private final ProcessedAgencyMessages processed;
    private final String serviceSource;

    OutcomePublisher(KafkaTemplate<byte[], byte[]> kafka, ProcessedAgencyMessages processed, String serviceSource) {
        this.kafka = kafka;
        this.processed = processed;
        this.serviceSource = serviceSource;
    }

    void publish(ProcessedAgencyMessage outcome, String agency, boolean remembered) {
        AgencySubmissionOutcome event = outcome.accepted
                ? new AgencySubmissionAccepted(agency, outcome.source, outcome.messageId, outcome.type, outcome.returnRequestId)
                // The published contract requires messageType: a message sent without a type gets "".
                : new AgencySubmissionRejected(agency, outcome.source, outcome.messageId, outcome.type == null ? "" : outcome.type,
                        outcome.code, outcome.reason);
        EventCatalog.Entry entry = EventCatalog.forPayload(event.getClass()).orElseThrow();
        String key = agency != null ? agency : outcome.source != null ? outcome.source : "unknown";
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(entry.topic(), null,
                key.getBytes(StandardCharsets.UTF_8), EventJson.mapper().writeValueAsBytes(event));
        String id = outcome.source != null && outcome.messageId != null
                ? UUID.nameUUIDFromBytes(("outcome" + '\u001f' + outcome.messageKey).getBytes(StandardCharsets.UTF_8)).toString()
                : UUID.randomUUID().toString();
        header(record, CloudEventHeaders.ID, id);
        header(record, CloudEventHeaders.SOURCE, serviceSource);
        header(record, CloudEventHeaders.SPECVERSION, "1.0");
        header(record, CloudEventHeaders.TYPE, entry.cloudEventType());
        header(record, CloudEventHeaders.SUBJECT, key);
        header(record, CloudEventHeaders.TIME, outcome.processedAt.atOffset(ZoneOffset.UTC).toString());
        header(record, CloudEventHeaders.DATACONTENTTYPE, "application/json");
        header(record, CloudEventHeaders.DATASCHEMA, entry.dataSchema());
        Send.andWait(kafka, record);
        if (remembered) {
            outcome.outcomePublished = true;
            processed.save(outcome);
        }
    }

    private static void header(ProducerRecord<byte[], byte[]> record, String attribute, String value) {
        record.headers().add(CloudEventHeaders.KAFKA_PREFIX + attribute, value.getBytes(StandardCharsets.UTF_8));
    }
}
