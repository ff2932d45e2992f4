package io.maap.support.axon;

import io.maap.events.EventCatalog;
import io.maap.support.crypto.AuditKeys;
import io.maap.support.crypto.SensitiveFields;
import io.maap.support.messaging.CloudEventHeaders;
import io.maap.support.messaging.EventJson;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;

/**
 * Relays the service's published events from its event store to Kafka, as CloudEvents in the
 * binary binding ({@code ce_} headers, UTF-8 text), keyed by aggregate id. The event store is the
 * outbox: this handler runs in a tracking processor that handles a batch of events in one unit of
 * work; it hands each event to the producer without waiting and the batch commits, and the token
 * with it, only after Kafka acknowledged every one of them ({@link RelayAcks}). So each event is
 * published at least once and in aggregate order (ADR 0019). Events that are not public contracts
 * stay inside the service.
 */
@ProcessingGroup(CloudEventRelay.PROCESSING_GROUP)
public class CloudEventRelay {

    public static final String PROCESSING_GROUP = "kafka-relay";
    /** How long a batch waits for its acknowledgements before it fails and is sent again. */
    static final Duration ACK_TIMEOUT = Duration.ofSeconds(60);

    private final RelaySender sender;
    private final String source;
    private final AuditKeys auditKeys;

    public CloudEventRelay(RelaySender sender, String source) {
        this(sender, source, null);
    }

    /** With the service's audit keys, sensitive text goes to Kafka encrypted, as it is stored (ADR 0016). */
    public CloudEventRelay(RelaySender sender, String source, AuditKeys auditKeys) {
        this.sender = sender;
        this.source = source;
        this.auditKeys = auditKeys;
    }

    private byte[] json(Object payload) {
        if (auditKeys == null || !SensitiveFields.applies(payload.getClass())) {
            return EventJson.mapper().writeValueAsBytes(payload);
        }
        return EventJson.mapper().writeValueAsBytes(
                SensitiveFields.seal(payload.getClass(), EventJson.mapper().valueToTree(payload), auditKeys));
    }

    @EventHandler
    public void on(Object payload, DomainEventMessage<?> event) {
        EventCatalog.forPayload(payload.getClass()).ifPresent(entry -> {
            String key = event.getAggregateIdentifier();
            ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(entry.topic(), null,
                    key.getBytes(StandardCharsets.UTF_8), json(payload));
            header(record, CloudEventHeaders.ID, event.getIdentifier());
            header(record, CloudEventHeaders.SOURCE, source);
            header(record, CloudEventHeaders.SPECVERSION, "1.0");
            header(record, CloudEventHeaders.TYPE, entry.cloudEventType());
            header(record, CloudEventHeaders.SUBJECT, key);
            header(record, CloudEventHeaders.TIME, event.getTimestamp().atOffset(ZoneOffset.UTC).toString());
            header(record, CloudEventHeaders.DATACONTENTTYPE, "application/json");
            header(record, CloudEventHeaders.DATASCHEMA, entry.dataSchema());
            header(record, CloudEventHeaders.SEQUENCE, Long.toString(event.getSequenceNumber()));
            RelayAcks.track(send(record), sender, ACK_TIMEOUT);
        });
    }

    /** A send that fails at once (a full buffer, a closed producer) fails the batch like a missing acknowledgement. */
    private CompletableFuture<?> send(ProducerRecord<byte[], byte[]> record) {
        try {
            return sender.send(record);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static void header(ProducerRecord<byte[], byte[]> record, String attribute, String value) {
        record.headers().add(CloudEventHeaders.KAFKA_PREFIX + attribute, value.getBytes(StandardCharsets.UTF_8));
    }
}
