package io.maap.support.crypto;

import io.maap.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.beans.factory.DisposableBean;

import javax.crypto.SecretKey;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A reader's copy of the audit keys: the compacted {@link Topics#AUDIT_KEYS} topic, read with a
 * consumer of its own (no group, every partition, from the start) and unwrapped with the master
 * key. A lookup first catches up with the topic unless it did so within the last second, or the
 * key is not known yet: an owner publishes a key before any event sealed with it, so a caught-up
 * ring that lacks a key means the key is destroyed. Nothing is written to disk.
 */
public class KeyRing implements Function<String, Optional<SecretKey>>, DisposableBean {

    private static final Duration FRESH = Duration.ofSeconds(1);

    private final KafkaConsumer<String, byte[]> consumer;
    private final MasterKey masterKey;
    private final Map<String, SecretKey> keys = new HashMap<>();
    private final java.util.Set<String> destroyed = new java.util.LinkedHashSet<>();
    private long caughtUpAt;
    private boolean assigned;

    public KeyRing(String brokers, Map<String, Object> clientProperties, MasterKey masterKey) {
        Map<String, Object> config = new HashMap<>(clientProperties);
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "maap-audit-keys-reader");
        this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        this.masterKey = masterKey;
    }

    @Override
    public synchronized Optional<SecretKey> apply(String auditId) {
        if (!keys.containsKey(auditId) || System.nanoTime() - caughtUpAt > FRESH.toNanos()) {
            catchUp();
        }
        return Optional.ofNullable(keys.get(auditId));
    }

    /** Reads the key topic up to its current end. */
    public synchronized void catchUp() {
        if (!assigned) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.AUDIT_KEYS, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            assigned = !partitions.isEmpty();
        }
        Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment(), Duration.ofSeconds(30));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The audit key topic could not be read to its end");
            }
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                if (record.value() == null) {
                    keys.remove(record.key());
                    destroyed.add(record.key());
                } else {
                    keys.put(record.key(), masterKey.unwrap(record.value(), record.key()));
                }
            }
        }
        caughtUpAt = System.nanoTime();
    }

    /**
     * The audits whose keys were destroyed (tombstones read) since the last call, so that a reader
     * can remove their text from the read models it keeps; the first call also names those
     * destroyed before the ring started. Catches up first.
     */
    public synchronized java.util.Set<String> destroyedSinceLastAsked() {
        catchUp();
        java.util.Set<String> found = java.util.Set.copyOf(destroyed);
        destroyed.clear();
        return found;
    }

    @Override
    public synchronized void destroy() {
        consumer.close();
    }
}
