package io.maap.reporting.projection.messaging;

import org.apache.kafka.common.TopicPartition;
import org.bson.Document;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a read of the event topics ended, per partition: what an "as at" checkpoint records, so
 * that a later replay knows which records the checkpoint has already seen (those before it) and
 * which it has not (those at or after it). Stored as a list of documents (topic names hold dots,
 * which MongoDB field names must not).
 */
public record LogPositions(Map<String, Long> ends) {

    /** One record's place in the log. */
    public record Position(String topic, int partition, long offset) {
    }

    public LogPositions {
        ends = Map.copyOf(ends);
    }

    public static LogPositions of(Map<TopicPartition, Long> end) {
        Map<String, Long> ends = new HashMap<>();
        end.forEach((partition, offset) -> ends.put(key(partition.topic(), partition.partition()), offset));
        return new LogPositions(ends);
    }

    /** Whether the record was there when this read ended (a partition it did not know: no). */
    public boolean seen(Position position) {
        Long end = ends.get(key(position.topic(), position.partition()));
        return end != null && position.offset() < end;
    }

    public List<Document> toDocuments() {
        return ends.entrySet().stream().map(e -> new Document("partition", e.getKey()).append("end", e.getValue())).toList();
    }

    public static LogPositions fromDocuments(List<Document> documents) {
        Map<String, Long> ends = new HashMap<>();
        documents.forEach(d -> ends.put(d.getString("partition"), d.get("end", Number.class).longValue()));
        return new LogPositions(ends);
    }

    /** Where this read ended in a partition, or null if it did not know the partition. */
    public Long end(String topic, int partition) {
        return ends.get(key(topic, partition));
    }

    static String key(String topic, int partition) {
        return topic + "/" + partition;
    }
}
