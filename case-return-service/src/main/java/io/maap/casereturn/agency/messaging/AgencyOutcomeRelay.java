package io.maap.casereturn.agency.messaging;

import io.maap.events.EventCatalog;
import io.maap.support.crypto.AuditKeys;
import io.maap.support.crypto.SensitiveFields;
import io.maap.support.messaging.EventJson;

import io.maap.support.messaging.CloudEventHeaders;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.MessageListener;

import java.nio.charset.StandardCharsets;

/**
 * Copies each agency's outcomes from the service's event topic to the agency's own outcomes topic
 * ({@link AgencyOutcomeRouting}): same key, headers and payload, so the CloudEvents id is the one
 * on the event topic and an agency drops a repeat by it. At least once: the offset is committed
 * after the broker has the copy. The agency cannot hold the audit keys, so the sensitive text
 * (its own return's send-back reasons, concern summaries) is decrypted for its topic, which keeps
 * a message only for a while (ADR 0016); after its audit's key is destroyed it reads as removed.
 */
final class AgencyOutcomeRelay implements MessageListener<byte[], byte[]>, DisposableBean {

    private static final String TYPE_HEADER = CloudEventHeaders.KAFKA_PREFIX + CloudEventHeaders.TYPE;

    private final AgencyOutcomeRouting routing;
    private final ProducerFactory<byte[], byte[]> producers;
    private final KafkaTemplate<byte[], byte[]> kafka;

    private final AutoCloseable admin;
    private final AuditKeys keys;

    AgencyOutcomeRelay(AgencyOutcomeRouting routing, ProducerFactory<byte[], byte[]> producers) {
        this(routing, producers, () -> { }, null);
    }

    /**
     * {@code admin}: what lists the broker's topics for the routing, closed with the relay;
     * {@code keys}: the audit keys that open the sensitive text for the agency, or null to copy as is.
     */
    AgencyOutcomeRelay(AgencyOutcomeRouting routing, ProducerFactory<byte[], byte[]> producers, AutoCloseable admin,
                       AuditKeys keys) {
        this.keys = keys;
        this.routing = routing;
        this.producers = producers;
        this.kafka = new KafkaTemplate<>(producers);
        this.admin = admin;
    }

    @Override
    public void destroy() throws Exception {
        if (producers instanceof DisposableBean disposable) {
            disposable.destroy();
        }
        admin.close();
    }

    @Override
    public void onMessage(ConsumerRecord<byte[], byte[]> record) {
        Header header = record.headers().lastHeader(TYPE_HEADER);
        String type = header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        routing.topicFor(type, record.value())
                .ifPresent(topic -> Send.andWait(kafka, new ProducerRecord<>(topic, null, record.key(),
                        revealed(type, record.value()), record.headers())));
    }

    private byte[] revealed(String type, byte[] payload) {
        if (keys == null) {
            return payload;
        }
        return EventCatalog.forCloudEventType(type)
                .filter(entry -> SensitiveFields.applies(entry.payloadType()))
                .map(entry -> EventJson.mapper().writeValueAsBytes(SensitiveFields.open(entry.payloadType(),
                        EventJson.mapper().readTree(payload), keys::forReading)))
                .orElse(payload);
    }
}
