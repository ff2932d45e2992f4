package io.maap.reporting.projection.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The event time a replay judges a record by, from its header alone. */
class EventTimesTest {

    private static ConsumerRecord<byte[], byte[]> record(String header, String value) {
        ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>("maap.case-returns.events.v1", 0, 0L, null, new byte[0]);
        if (header != null) {
            record.headers().add(header, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }

    @Test
    void theTimeOfEitherHeaderSpellingInAnyOffsetIsTheInstantItNames() {
        assertThat(EventTimes.of(record("ce_time", "2017-04-03T09:15:30.123456Z"))).isEqualTo(Instant.parse("2017-04-03T09:15:30.123456Z"));
        assertThat(EventTimes.of(record("ce-time", "2017-04-03T10:15:30+01:00"))).isEqualTo(Instant.parse("2017-04-03T09:15:30Z"));
        // a shape MAAP's producers do not write still reads as RFC 3339 says
        assertThat(EventTimes.of(record("ce_time", "2017-04-03T09:15Z"))).isEqualTo(Instant.parse("2017-04-03T09:15:00Z"));
    }

    @Test
    void aRecordWithoutAReadableTimeHasNone() {
        assertThat(EventTimes.of(record(null, null))).isNull();
        assertThat(EventTimes.of(record("ce_time", null))).isNull();
        assertThat(EventTimes.of(record("ce_time", "yesterday"))).isNull();
        assertThat(EventTimes.of(record("ce_time", "2017-02-30T09:15:30Z"))).isNull();
    }
}
