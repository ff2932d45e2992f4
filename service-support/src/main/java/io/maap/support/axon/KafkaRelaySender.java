package io.maap.support.axon;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The relay's own Kafka producer, made at the first send (a service that never relays opens no
 * connection). Idempotent with every replica's acknowledgement and at most five requests in flight,
 * so the broker keeps each partition's records in the order they were sent, retries included:
 * events of one aggregate share a key, hence a partition, and keep their order.
 */
public final class KafkaRelaySender implements RelaySender, AutoCloseable {

    private final Supplier<Producer<byte[], byte[]>> factory;
    private volatile Producer<byte[], byte[]> producer;

    public KafkaRelaySender(Supplier<Producer<byte[], byte[]>> factory) {
        this.factory = factory;
    }

    /** A sender to the given brokers with the client properties of {@code KafkaClientSecurity}. */
    public static KafkaRelaySender to(String brokers, Map<String, Object> clientProperties, int lingerMs) {
        Map<String, Object> config = new HashMap<>(clientProperties);
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        // Records gather while the batch is read; the batch's end flushes them (RelayAcks).
        config.put(ProducerConfig.LINGER_MS_CONFIG, lingerMs);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 128 * 1024);
        return new KafkaRelaySender(() -> new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer()));
    }

    @Override
    public CompletableFuture<?> send(ProducerRecord<byte[], byte[]> record) {
        CompletableFuture<Object> ack = new CompletableFuture<>();
        try {
            producer().send(record, (metadata, exception) -> {
                if (exception == null) {
                    ack.complete(metadata);
                } else {
                    ack.completeExceptionally(exception);
                }
            });
        } catch (RuntimeException e) {
            ack.completeExceptionally(e);
        }
        return ack;
    }

    @Override
    public void flush() {
        Producer<byte[], byte[]> current = producer;
        if (current != null) {
            current.flush();
        }
    }

    private Producer<byte[], byte[]> producer() {
        Producer<byte[], byte[]> current = producer;
        if (current == null) {
            synchronized (this) {
                if (producer == null) {
                    producer = factory.get();
                }
                current = producer;
            }
        }
        return current;
    }

    @Override
    public synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(10));
            producer = null;
        }
    }
}
