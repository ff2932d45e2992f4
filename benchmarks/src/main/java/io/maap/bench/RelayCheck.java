package io.maap.bench;

import io.maap.events.Topics;
import io.maap.support.messaging.TopicProvisioner;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.axonframework.eventhandling.EventMessage;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads back what a relay published since {@link #before}: every event there, and each aggregate's first seen in sequence order. */
final class RelayCheck {

    private static final List<String> TOPICS = List.of(Topics.AUDIT_PROGRAMME_EVENTS, Topics.CASE_RETURN_EVENTS, Topics.ACTION_PLAN_EVENTS);

    record Result(int expected, int missing, int duplicates, int outOfOrder) {

        @Override
        public String toString() {
            return String.format("%s, %d duplicates, %s", missing == 0 ? "all " + String.format("%,d", expected) + " on the topics"
                    : missing + " of " + expected + " MISSING", duplicates, outOfOrder == 0 ? "each aggregate's order kept"
                    : outOfOrder + " OUT OF ORDER");
        }
    }

    private final String kafka;
    private final Map<TopicPartition, Long> start;

    private RelayCheck(String kafka, Map<TopicPartition, Long> start) {
        this.kafka = kafka;
        this.start = start;
    }

    static RelayCheck before(String kafka) {
        new TopicProvisioner(kafka, 3, (short) 1).provision(TopicProvisioner.topicConfigs(List.of()));
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(kafka)) {
            return new RelayCheck(kafka, consumer.endOffsets(partitions(consumer)));
        }
    }

    Result after(List<EventMessage<?>> sent) {
        Set<String> ids = new HashSet<>();
        Map<String, Long> lastFirstSeen = new HashMap<>();
        int duplicates = 0;
        int outOfOrder = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(kafka)) {
            Map<TopicPartition, Long> end = consumer.endOffsets(start.keySet());
            consumer.assign(start.keySet());
            start.forEach(consumer::seek);
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (!atEnd(consumer, end) && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    String id = header(record, "ce_id");
                    if (!ids.add(id)) {
                        duplicates++;
                        continue;
                    }
                    long sequence = Long.parseLong(header(record, "ce_sequence"));
                    Long previous = lastFirstSeen.put(new String(record.key(), StandardCharsets.UTF_8), sequence);
                    if (previous != null && previous >= sequence) {
                        outOfOrder++;
                    }
                }
            }
        }
        int missing = (int) sent.stream().filter(message -> !ids.contains(message.getIdentifier())).count();
        return new Result(sent.size(), missing, duplicates, outOfOrder);
    }

    private static boolean atEnd(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static KafkaConsumer<byte[], byte[]> consumer(String kafka) {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka, ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private static List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> consumer) {
        return TOPICS.stream().flatMap(topic -> consumer.partitionsFor(topic).stream())
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
    }
}
