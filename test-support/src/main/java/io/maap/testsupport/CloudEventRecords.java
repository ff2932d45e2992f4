package io.maap.testsupport;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/** Kafka records as MAAP's topics carry them: CloudEvents in the binary binding, sent as a test's own producer. */
public final class CloudEventRecords {

    private CloudEventRecords() {
    }

    /** A binary-mode CloudEvent: attributes as {@code ce_} headers, the JSON data as the value, keyed by {@code key}. */
    public static ProducerRecord<byte[], byte[]> binary(String topic, String key, String id, String source, String type,
                                                        String data) {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, bytes(key), bytes(data));
        record.headers().add("ce_specversion", bytes("1.0")).add("ce_id", bytes(id)).add("ce_source", bytes(source))
                .add("ce_type", bytes(type)).add("content-type", bytes("application/json"));
        return record;
    }

    /** Sends one record with a producer of its own and waits until the broker has it. */
    public static RecordMetadata send(String bootstrapServers, ProducerRecord<byte[], byte[]> record) {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers), new ByteArraySerializer(), new ByteArraySerializer())) {
            return producer.send(record).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("The broker did not take a record for " + record.topic(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static byte[] bytes(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }
}
