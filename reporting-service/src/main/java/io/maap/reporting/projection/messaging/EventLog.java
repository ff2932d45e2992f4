package io.maap.reporting.projection.messaging;

import io.maap.events.Topics;
import io.maap.support.crypto.KeyRing;
import io.maap.support.messaging.IncomingEvent;
import io.maap.support.messaging.KafkaClientSecurity;
import io.maap.support.messaging.UnreadableEventException;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * The event topics read from their beginning with a plain Kafka consumer (no consumer group):
 * what rebuilds and "as at" views are computed from. Event topics keep events forever. It
 * authenticates as the service's binder does ({@link KafkaClientSecurity}: on a SASL broker, as
 * reporting-service's principal, which may read the event topics).
 */
@Component
public class EventLog {

    public static final List<String> EVENT_TOPICS =
            List.of(Topics.AUDIT_PROGRAMME_EVENTS, Topics.CASE_RETURN_EVENTS, Topics.ACTION_PLAN_EVENTS);

    private final Map<String, Object> consumerProperties;
    private final KeyRing keys;

    @Autowired
    public EventLog(@Value("${spring.cloud.stream.kafka.binder.brokers}") String bootstrapServers, Environment environment,
                    org.springframework.beans.factory.ObjectProvider<KeyRing> keys) {
        this(bootstrapServers, KafkaClientSecurity.from(environment), keys.getIfAvailable());
    }

    EventLog(String bootstrapServers, KafkaClientSecurity security) {
        this(bootstrapServers, security, null);
    }

    EventLog(String bootstrapServers, KafkaClientSecurity security, KeyRing keys) {
        this.consumerProperties = consumerProperties(bootstrapServers, security);
        this.keys = keys;
    }

    /** A reader positioned at the beginning of every event topic; sensitive text decrypted with the audit keys (ADR 0016). */
    public Reader open() {
        return new Reader(consumerProperties, keys);
    }

    /** The reader's consumer settings: no group, committed records only, and the service's own authentication. */
    static Map<String, Object> consumerProperties(String bootstrapServers, KafkaClientSecurity security) {
        Map<String, Object> properties = new HashMap<>(security.clientProperties());
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return Map.copyOf(properties);
    }

    /** Reads the event topics; not thread-safe. */
    public static final class Reader implements AutoCloseable {

        private final KafkaConsumer<byte[], byte[]> consumer;
        private final List<TopicPartition> partitions = new ArrayList<>();
        private long read;
        private long unreadable;
        private long passedOver;
        private final KeyRing keys;

        Reader(Map<String, Object> consumerProperties) {
            this(consumerProperties, null);
        }

        Reader(Map<String, Object> consumerProperties, KeyRing keys) {
            this.keys = keys;
            consumer = new KafkaConsumer<>(consumerProperties, new ByteArrayDeserializer(), new ByteArrayDeserializer());
            for (String topic : EVENT_TOPICS) {
                consumer.partitionsFor(topic, Duration.ofSeconds(30))
                        .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
        }

        /** Events from the beginning of the topics to their end now. */
        public long total() {
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
            return consumer.endOffsets(partitions).entrySet().stream()
                    .mapToLong(e -> e.getValue() - begin.get(e.getKey())).sum();
        }

        /**
         * Reads what is there, up to the end every topic has when it is called, handing the
         * readable events of each poll, in the order read, to {@code sink}, which answers how many
         * of them a projection found unreadable. Those, and records that are not readable events,
         * are skipped and counted: the live consumers dead-lettered them. The end is fixed at the
         * call: under live traffic the topics keep growing, and a reader chasing their moving end
         * need never finish.
         */
        public void readBatchesToEnd(ToIntFunction<List<IncomingEvent>> sink) {
            read(null, RecordTimeIndex.Spans.NONE, false, sink);
        }

        /**
         * As {@link #readBatchesToEnd(ToIntFunction)}, but only the records {@code keep} accepts, by
         * their position and the event time their {@code ce_time} header gives ({@link EventTimes}),
         * are parsed (which may open sealed text) and handed on: an "as at" replay passes over
         * the events after its instant for the price of reading a header.
         *
         * Records past that end (a last poll may bring some) are left out, so that what was read is
         * exactly what the returned positions say; read once, then close the reader.
         *
         * @return the end the topics had at the call, which every record kept or passed over was before
         */
        public LogPositions readBatchesToEnd(RecordFilter keep, ToIntFunction<List<IncomingEvent>> sink) {
            return read(keep, RecordTimeIndex.Spans.NONE, true, sink);
        }

        /**
         * As {@link #readBatchesToEnd(RecordFilter, ToIntFunction)}, passing over the stretches of
         * the log {@code passOver} names (seeking past them, reading none of their records): the
         * caller knows from a {@link RecordTimeIndex} that {@code keep} would accept none of them.
         */
        public LogPositions readBatchesToEnd(RecordFilter keep, RecordTimeIndex.Spans passOver, ToIntFunction<List<IncomingEvent>> sink) {
            return read(keep, passOver, true, sink);
        }

        /** The end offsets of every partition now, as {@link LogPositions} name them. */
        public Map<String, Long> endsNow() {
            Map<String, Long> ends = new HashMap<>();
            consumer.endOffsets(partitions).forEach((p, offset) -> ends.put(LogPositions.key(p.topic(), p.partition()), offset));
            return ends;
        }

        /** @param keep which records to parse and hand on; null for every one */
        private LogPositions read(RecordFilter keep, RecordTimeIndex.Spans passOver, boolean stopAtEnd,
                                  ToIntFunction<List<IncomingEvent>> sink) {
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            partitions.forEach(p -> passOver(p, passOver, end.get(p)));
            while (!partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p))) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(200));
                List<IncomingEvent> events = new ArrayList<>(records.count());
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    if (stopAtEnd && record.offset() >= end.get(new TopicPartition(record.topic(), record.partition()))) {
                        continue;
                    }
                    // a poll may bring records of a span the reader seeks past only after it
                    if (passOver.next(record.topic(), record.partition(), record.offset()) != record.offset()) {
                        continue;
                    }
                    read++;
                    // a rebuild keeps every record: its time header is not parsed for nothing
                    if (keep != null && !keep.keep(new LogPositions.Position(record.topic(), record.partition(), record.offset()), EventTimes.of(record))) {
                        continue;
                    }
                    try {
                        events.add(IncomingEvent.from(headers(record), record.value(), keys));
                    } catch (UnreadableEventException e) {
                        unreadable++;
                    }
                }
                if (!events.isEmpty()) {
                    unreadable += sink.applyAsInt(events);
                }
                records.partitions().forEach(p -> passOver(p, passOver, end.get(p)));
            }
            return LogPositions.of(end);
        }

        /** Seeks past the span the partition's position is in, if any, no further than {@code end}. */
        private void passOver(TopicPartition partition, RecordTimeIndex.Spans passOver, long end) {
            long position = consumer.position(partition);
            long next = Math.min(passOver.next(partition.topic(), partition.partition(), position), end);
            if (next > position) {
                consumer.seek(partition, next);
                passedOver += next - position;
            }
        }

        /** Which records a reader parses and hands on. */
        @FunctionalInterface
        public interface RecordFilter {
            /** @param time the event time from the record's header, or null if it has none (or none readable) */
            boolean keep(LogPositions.Position position, Instant time);
        }

        public long read() {
            return read;
        }

        public long unreadable() {
            return unreadable;
        }

        /** Offsets sought past without reading their records. */
        public long passedOver() {
            return passedOver;
        }

        private static Map<String, Object> headers(ConsumerRecord<?, ?> record) {
            Map<String, Object> headers = new HashMap<>();
            for (Header header : record.headers()) {
                headers.put(header.key(), header.value());
            }
            return headers;
        }

        /**
         * Closes without waiting for the broker: a consumer's close ends its fetch sessions with a
         * fetch the broker may hold for {@code fetch.max.wait.ms} (half a second), which a profile
         * of a first "as at" request at a million events found to be a third of its replay. A reader
         * has no group to leave and no offsets to commit; the broker drops a session left open when
         * it needs the room.
         */
        @Override
        public void close() {
            consumer.close(CloseOptions.timeout(Duration.ZERO));
        }
    }
}
