package io.maap.notification.notification.messaging;

import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.MessageHeaders;

import java.time.Instant;
import java.util.Optional;

/** Where a consumed record sat: its topic, partition, offset and (Kafka's) timestamp. */
public record RecordPosition(String topic, int partition, long offset, Instant timestamp) {

    /** From the headers the Kafka binder sets on a received message; empty where one is missing. */
    public static Optional<RecordPosition> of(MessageHeaders headers) {
        Object topic = headers.get(KafkaHeaders.RECEIVED_TOPIC);
        Object partition = headers.get(KafkaHeaders.RECEIVED_PARTITION);
        Object offset = headers.get(KafkaHeaders.OFFSET);
        Object timestamp = headers.get(KafkaHeaders.RECEIVED_TIMESTAMP);
        if (topic instanceof String t && partition instanceof Number p && offset instanceof Number o
                && timestamp instanceof Number at) {
            return Optional.of(new RecordPosition(t, p.intValue(), o.longValue(), Instant.ofEpochMilli(at.longValue())));
        }
        return Optional.empty();
    }
}
