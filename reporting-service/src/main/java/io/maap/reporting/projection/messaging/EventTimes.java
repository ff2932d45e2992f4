package io.maap.reporting.projection.messaging;

import io.maap.support.messaging.EventTimeParsing;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * An event's CloudEvents {@code time} read from its Kafka record's header alone (binary binding,
 * {@code ce_time}), without parsing the record: what lets a replay "as at" an instant pass over
 * later events cheaply. A record without a readable time gives null, and is then parsed and judged
 * as before (the parsed event's time, or the event counted as unreadable). Parsed by
 * {@link EventTimeParsing}: a replay reads every record's header, most of them to pass over.
 */
public final class EventTimes {

    private static final String[] HEADERS = {"ce_time", "ce-time"};

    private EventTimes() {
    }

    public static Instant of(ConsumerRecord<?, ?> record) {
        for (String name : HEADERS) {
            Header header = record.headers().lastHeader(name);
            if (header != null && header.value() != null) {
                try {
                    return EventTimeParsing.parse(new String(header.value(), StandardCharsets.UTF_8)).toInstant();
                } catch (DateTimeParseException e) {
                    return null;
                }
            }
        }
        return null;
    }
}
