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
import org.axonframework.serialization.Serializer;

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
 *
 * <p>Given the event store's serializer, an event's payload goes out as it is stored, without
 * being read into an object and written again: its sensitive text is already sealed there, as the
 * topics carry it (ADR 0016). Only an event stored in clear before its text was encrypted is
 * opened and sealed on its way (ADR 0019).
 */
@ProcessingGroup(CloudEventRelay.PROCESSING_GROUP)
public class CloudEventRelay {

    public static final String PROCESSING_GROUP = "kafka-relay";
    /** How long a batch waits for its acknowledgements before it fails and is sent again. */
    static final Duration ACK_TIMEOUT = Duration.ofSeconds(60);

    private final RelaySender sender;
    private final String source;
    private final AuditKeys auditKeys;
    private final Serializer eventSerializer;

    public CloudEventRelay(RelaySender sender, String source) {
        this(sender, source, null, null);
    }

    /**
     * With the service's audit keys, sensitive text goes to Kafka encrypted, as it is stored (ADR 0016);
     * with the event store's serializer, stored payloads go out as they are (either may be null).
     */
    public CloudEventRelay(RelaySender sender, String source, AuditKeys auditKeys, Serializer eventSerializer) {
        this.sender = sender;
        this.source = source;
        this.auditKeys = auditKeys;
        this.eventSerializer = eventSerializer;
    }

    private byte[] json(DomainEventMessage<?> event) {
        if (eventSerializer != null) {
            byte[] stored = event.serializePayload(eventSerializer, byte[].class).getData();
            Class<?> type = event.getPayloadType();
            if (auditKeys == null || !SensitiveFields.applies(type)
                    || SensitiveFields.sealedThroughout(type, EventJson.mapper().readTree(stored))) {
                return stored;
            }
        }
        return json(event.getPayload());
    }

    private byte[] json(Object payload) {
        if (auditKeys == null || !SensitiveFields.applies(payload.getClass())) {
            return EventJson.mapper().writeValueAsBytes(payload);
        }
        return EventJson.mapper().writeValueAsBytes(
                SensitiveFields.seal(payload.getClass(), EventJson.mapper().valueToTree(payload), auditKeys));
    }

    /** Every event of the store; its payload is read only when it must be sealed on its way. */
    @EventHandler
    public void on(DomainEventMessage<?> event) {
        EventCatalog.forPayload(event.getPayloadType()).ifPresent(entry -> {
            String key = event.getAggregateIdentifier();
            ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(entry.topic(), null,
                    key.getBytes(StandardCharsets.UTF_8), json(event));
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
