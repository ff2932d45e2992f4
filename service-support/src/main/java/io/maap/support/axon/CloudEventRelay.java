package io.maap.support.axon;

import io.maap.events.EventCatalog;
import io.maap.support.crypto.AuditKeys;
import io.maap.support.crypto.SensitiveFields;
import io.maap.support.messaging.CloudEventHeaders;
import io.maap.support.messaging.EventJson;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.cloud.function.cloudevent.CloudEventMessageBuilder;
import org.springframework.cloud.function.cloudevent.CloudEventMessageUtils;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;

/**
 * Relays the service's published events from its event store to Kafka, as CloudEvents in the
 * binary binding ({@code ce_} headers), keyed by aggregate id. The event store is the outbox:
 * this handler runs in a tracking processor whose token only advances after Kafka acknowledged
 * the send (the producer is synchronous), so each event is published at least once and in
 * aggregate order. Events that are not public contracts stay inside the service.
 */
@ProcessingGroup(CloudEventRelay.PROCESSING_GROUP)
public class CloudEventRelay {

    public static final String PROCESSING_GROUP = "kafka-relay";

    private final StreamBridge streamBridge;
    private final String source;
    private final AuditKeys auditKeys;

    public CloudEventRelay(StreamBridge streamBridge, String source) {
        this(streamBridge, source, null);
    }

    /** With the service's audit keys, sensitive text goes to Kafka encrypted, as it is stored (ADR 0016). */
    public CloudEventRelay(StreamBridge streamBridge, String source, AuditKeys auditKeys) {
        this.streamBridge = streamBridge;
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
            Message<byte[]> message = CloudEventMessageBuilder.withData(json(payload))
                    .setId(event.getIdentifier())
                    .setSource(source)
                    .setType(entry.cloudEventType())
                    .setSubject(event.getAggregateIdentifier())
                    .setTime(event.getTimestamp().atOffset(ZoneOffset.UTC))
                    .setDataContentType("application/json")
                    .setDataSchema(entry.dataSchema())
                    .setHeader(CloudEventHeaders.KAFKA_PREFIX + CloudEventHeaders.SEQUENCE,
                            Long.toString(event.getSequenceNumber()))
                    .setHeader(KafkaHeaders.KEY, event.getAggregateIdentifier().getBytes(StandardCharsets.UTF_8))
                    .build(CloudEventMessageUtils.KAFKA_ATTR_PREFIX);
            if (!streamBridge.send(entry.topic(), message)) {
                throw new IllegalStateException("Kafka did not accept event " + event.getIdentifier());
            }
        });
    }
}
