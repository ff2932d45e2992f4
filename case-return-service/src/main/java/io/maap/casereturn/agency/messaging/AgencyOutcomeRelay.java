package io.maap.casereturn.agency.messaging;

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
 * after the broker has the copy.
 */
final class AgencyOutcomeRelay implements MessageListener<byte[], byte[]>, DisposableBean {

    private static final String TYPE_HEADER = CloudEventHeaders.KAFKA_PREFIX + CloudEventHeaders.TYPE;

    private final AgencyOutcomeRouting routing;
    private final ProducerFactory<byte[], byte[]> producers;
    private final KafkaTemplate<byte[], byte[]> kafka;

    private final AutoCloseable admin;

    AgencyOutcomeRelay(AgencyOutcomeRouting routing, ProducerFactory<byte[], byte[]> producers) {
        this(routing, producers, () -> { });
    }

    /** {@code admin}: what lists the broker's topics for the routing, closed with the relay. */
    AgencyOutcomeRelay(AgencyOutcomeRouting routing, ProducerFactory<byte[], byte[]> producers, AutoCloseable admin) {
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
        Header type = record.headers().lastHeader(TYPE_HEADER);
        routing.topicFor(type == null ? null : new String(type.value(), StandardCharsets.UTF_8), record.value())
                .ifPresent(topic -> Send.andWait(kafka, new ProducerRecord<>(topic, null, record.key(), record.value(),
                        record.headers())));
    }
}
