package io.maap.reporting.projection.messaging;

import io.maap.support.messaging.KafkaClientSecurity;
import io.maap.testsupport.TestInfrastructure;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On the real broker: a reader given the spans a {@link RecordTimeIndex} rules out seeks past them
 * and reads none of their records, and still reads every record the index does not rule out,
 * including those past the index's end.
 */
class EventLogPassOverTest {

    private static final Instant START = Instant.parse("2017-04-03T00:00:00Z");
    /** Large enough that a fetch (a megabyte per partition) brings a part of a topic, not all of it: the reader must seek. */
    private static final byte[] PAYLOAD = new byte[20_000];

    @Test
    void aReaderSeeksPastTheSpansAndReadsEveryOtherRecord() {
        String bootstrap = TestInfrastructure.kafkaBootstrapServers();
        EventLog log = new EventLog(bootstrap, KafkaClientSecurity.from(new MockEnvironment()));
        Random random = new Random(3);
        publish(bootstrap, random, 600);

        Map<LogPositions.Position, Instant> everything = new HashMap<>();
        RecordTimeIndex.Builder builder = new RecordTimeIndex.Builder(25);
        LogPositions indexedTo;
        try (EventLog.Reader reader = log.open()) {
            indexedTo = reader.readBatchesToEnd((position, time) -> {
                everything.put(position, time);
                builder.add(position, time);
                return false;
            }, events -> 0);
        }
        RecordTimeIndex index = builder.build(indexedTo);
        publish(bootstrap, random, 100);

        Instant instant = START.plusSeconds(60L * 300);
        Map<LogPositions.Position, Instant> read = new HashMap<>();
        long passedOver;
        RecordTimeIndex.Spans spans;
        try (EventLog.Reader reader = log.open()) {
            spans = index.passOver(block -> block.untimed() || block.mayHoldAtOrBefore(instant), reader.endsNow());
            reader.readBatchesToEnd((position, time) -> {
                read.put(position, time);
                return false;
            }, spans, events -> 0);
            passedOver = reader.passedOver();
        }

        assertThat(spans.records()).as("the index rules out stretches of the log").isGreaterThan(100);
        assertThat(passedOver).as("offsets sought past").isPositive().isLessThanOrEqualTo(spans.records());
        everything.forEach((position, time) -> {
            boolean wanted = time == null || !time.isAfter(instant);
            boolean inSpan = spans.next(position.topic(), position.partition(), position.offset()) != position.offset();
            assertThat(inSpan && wanted).as("a record the reader must read is in a span: %s", position).isFalse();
            assertThat(read.containsKey(position)).as("%s (%s) read", position, time).isEqualTo(!inSpan);
        });
        assertThat(read.keySet()).as("records past the index's end are read").anyMatch(position -> !everything.containsKey(position));
    }

    /** Records on each event topic, mostly in time order with some out of it and some without a time header. */
    private static void publish(String bootstrap, Random random, int count) {
        Map<String, Object> properties = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(properties, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < count; i++) {
                String topic = EventLog.EVENT_TOPICS.get(random.nextInt(EventLog.EVENT_TOPICS.size()));
                ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8),
                        PAYLOAD);
                if (random.nextInt(200) != 0) {
                    long minute = random.nextInt(100) == 0 ? random.nextInt(600) : i;
                    record.headers().add("ce_time", START.plusSeconds(60 * minute).toString().getBytes(StandardCharsets.UTF_8));
                }
                producer.send(record);
            }
            producer.flush();
        }
    }
}
