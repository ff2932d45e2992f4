package io.maap.support.messaging;

import io.maap.events.EventCatalog;
import io.maap.events.RequiredFields;
import org.springframework.messaging.Message;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * A MAAP event read from Kafka: its CloudEvents attributes and its payload as the contract
 * record. Construction fails with {@link UnreadableEventException}, carrying the reason, when
 * the message is not a MAAP CloudEvent this reader understands.
 */
public record IncomingEvent(
        String id,
        String source,
        String type,
        String subject,
        OffsetDateTime time,
        long sequence,
        Object payload) {

    private static final java.util.List<String> PREFIXES = java.util.List.of(CloudEventHeaders.KAFKA_PREFIX, "ce-");
    /** Each attribute's header names, with every prefix, made once (every event read looks up seven attributes). */
    private static final Map<String, java.util.List<String>> HEADER_NAMES = new java.util.concurrent.ConcurrentHashMap<>();

    public static IncomingEvent from(Message<byte[]> message) {
        return from(message.getHeaders(), message.getPayload());
    }

    /**
     * As {@link #from(Message)}, with the sensitive text decrypted by the audits' keys, or read as
     * {@link io.maap.events.Sensitive#REMOVED} where a key is destroyed (ADR 0016).
     */
    public static IncomingEvent from(Message<byte[]> message,
                                     java.util.function.Function<String, java.util.Optional<javax.crypto.SecretKey>> keys) {
        return from(message.getHeaders(), message.getPayload(), keys);
    }

    /** From headers as a Kafka client or Spring gives them (values as String or UTF-8 bytes) and the payload. */
    public static IncomingEvent from(Map<String, Object> headers, byte[] body) {
        return from(headers, body, null);
    }

    /** As {@link #from(Map, byte[])}; with keys, the sensitive text is decrypted (ADR 0016); without, it stays sealed. */
    public static IncomingEvent from(Map<String, Object> headers, byte[] body,
                                     java.util.function.Function<String, java.util.Optional<javax.crypto.SecretKey>> keys) {
        String id = required(headers, CloudEventHeaders.ID);
        String source = required(headers, CloudEventHeaders.SOURCE);
        String type = required(headers, CloudEventHeaders.TYPE);
        String specVersion = required(headers, CloudEventHeaders.SPECVERSION);
        if (!"1.0".equals(specVersion)) {
            throw new UnreadableEventException("unsupported CloudEvents specversion '" + specVersion + "'");
        }
        EventCatalog.Entry entry = EventCatalog.forCloudEventType(type)
                .orElseThrow(() -> new UnreadableEventException("unknown event type '" + type + "'"));
        String subject = optional(headers, CloudEventHeaders.SUBJECT);
        OffsetDateTime time = parseTime(optional(headers, CloudEventHeaders.TIME));
        long sequence = parseSequence(optional(headers, CloudEventHeaders.SEQUENCE));
        Object payload;
        try {
            payload = keys == null || !io.maap.support.crypto.SensitiveFields.applies(entry.payloadType())
                    ? EventJson.mapper().readValue(body, entry.payloadType())
                    : EventJson.mapper().treeToValue(opened(entry.payloadType(), EventJson.mapper().readTree(body), keys),
                            entry.payloadType());
        } catch (KeysUnavailableException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new UnreadableEventException("payload is not a valid " + type + ": " + e.getMessage());
        }
        if (payload == null) {
            throw new UnreadableEventException("payload of " + type + " is null");
        }
        RequiredFields.firstMissing(payload).ifPresent(field -> {
            throw new UnreadableEventException("payload is not a valid " + type + ": " + field + " is required");
        });
        return new IncomingEvent(id, source, type, subject, time, sequence, payload);
    }

    private static String required(Map<String, Object> headers, String attribute) {
        String value = optional(headers, attribute);
        if (value == null || value.isBlank()) {
            throw new UnreadableEventException("missing CloudEvents attribute '" + attribute + "'");
        }
        return value;
    }

    /**
     * Headers arrive as String from MAAP's own producers and as raw bytes from other Kafka
     * clients; Spring Cloud Function may have moved them from the Kafka prefix {@code ce_} to its
     * canonical {@code ce-}.
     */
    static String optional(Map<String, Object> headers, String attribute) {
        for (String name : HEADER_NAMES.computeIfAbsent(attribute, a -> PREFIXES.stream().map(prefix -> prefix + a).toList())) {
            Object value = headers.get(name);
            if (value != null) {
                return value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : value.toString();
            }
        }
        return null;
    }

    private static OffsetDateTime parseTime(String value) {
        if (value == null) {
            return null;
        }
        try {
            return EventTimeParsing.parse(value);
        } catch (DateTimeParseException e) {
            throw new UnreadableEventException("CloudEvents attribute 'time' is not RFC 3339: " + value);
        }
    }

    private static long parseSequence(String value) {
        if (value == null) {
            return -1;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new UnreadableEventException("CloudEvents attribute 'sequence' is not a number: " + value);
        }
    }

    /** The aggregate sequence number, which readers that keep per-aggregate state rely on. */
    public long requiredSequence() {
        if (sequence < 0) {
            throw new UnreadableEventException("missing CloudEvents attribute 'sequence'");
        }
        return sequence;
    }

    public <T> T payloadAs(Class<T> type) {
        return type.cast(payload);
    }

    /** Decrypts; a key that cannot be had now (the key topic unreachable) is not the message's fault, so it is retried. */
    private static tools.jackson.databind.JsonNode opened(Class<?> type, tools.jackson.databind.JsonNode tree,
            java.util.function.Function<String, java.util.Optional<javax.crypto.SecretKey>> keys) {
        try {
            return io.maap.support.crypto.SensitiveFields.open(type, tree, keys);
        } catch (RuntimeException e) {
            throw new KeysUnavailableException(e);
        }
    }

    /** The audit keys could not be read; the message itself may be fine. */
    public static final class KeysUnavailableException extends IllegalStateException {
        KeysUnavailableException(Throwable cause) {
            super("audit keys unavailable: " + cause.getMessage(), cause);
        }
    }
}
