package io.maap.casereturn.agency.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * A CloudEvent read from a Kafka record in either mode of the Kafka protocol binding: binary
 * ({@code ce_} headers, {@code data} as the value) or structured ({@code content-type:
 * application/cloudevents+json}, the whole event as JSON in the value).
 */
record InboundCloudEvent(String id, String source, String type, String specVersion, byte[] data) {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final int MAX_ATTRIBUTE_LENGTH = 255;

    static InboundCloudEvent from(ConsumerRecord<byte[], byte[]> record) {
        String contentType = header(record, "content-type");
        if (contentType == null) {
            contentType = header(record, "contentType");
        }
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/cloudevents+json")) {
            return structured(record.value());
        }
        return new InboundCloudEvent(required(header(record, "ce_id"), "id"), required(header(record, "ce_source"), "source"),
                required(header(record, "ce_type"), "type"), required(header(record, "ce_specversion"), "specversion"),
                record.value() == null ? new byte[0] : record.value());
    }

    private static InboundCloudEvent structured(byte[] value) {
        JsonNode event;
        try {
            event = JSON.readTree(value == null ? new byte[0] : value);
        } catch (RuntimeException e) {
            throw new Rejection("malformed-cloudevent", "the structured CloudEvent is not valid JSON: " + firstLine(e));
        }
        if (event == null || !event.isObject()) {
            throw new Rejection("malformed-cloudevent", "the structured CloudEvent is not a JSON object");
        }
        byte[] data;
        if (event.hasNonNull("data_base64")) {
            JsonNode encoded = event.get("data_base64");
            try {
                data = Base64.getDecoder().decode(encoded.isString() ? encoded.asString() : "?");
            } catch (IllegalArgumentException e) {
                throw new Rejection("malformed-cloudevent", "data_base64 is not a base64 string");
            }
        } else if (event.has("data")) {
            data = JSON.writeValueAsBytes(event.get("data"));
        } else {
            data = new byte[0];
        }
        return new InboundCloudEvent(required(text(event, "id"), "id"), required(text(event, "source"), "source"),
                required(text(event, "type"), "type"), required(text(event, "specversion"), "specversion"), data);
    }

    private static String text(JsonNode event, String field) {
        JsonNode node = event.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            throw new Rejection("malformed-cloudevent", "CloudEvents attribute '" + field + "' is not a string");
        }
        return node.asString();
    }

    /**
     * A present, non-blank attribute of at most {@value #MAX_ATTRIBUTE_LENGTH} characters of
     * UTF-8 text without control characters: what the platform stores and reports.
     */
    private static String required(String value, String attribute) {
        if (value == null || value.isBlank()) {
            throw new Rejection("missing-attribute", "missing CloudEvents attribute '" + attribute + "'");
        }
        if (value.length() > MAX_ATTRIBUTE_LENGTH || value.chars().anyMatch(c -> Character.isISOControl(c) || c == '\uFFFD')) {
            throw new Rejection("malformed-cloudevent", "CloudEvents attribute '" + attribute + "' must be at most "
                    + MAX_ATTRIBUTE_LENGTH + " characters of UTF-8 text without control characters");
        }
        return value;
    }

    static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /**
     * What was wrong with the JSON, without quoting it: the reason goes to the agency's outcome
     * event and the dead-letter headers, and a quote could carry text about a child. Only the
     * field path (names from our own schema) and the position are given.
     */
    static String firstLine(Exception e) {
        if (e instanceof tools.jackson.core.JacksonException json) {
            StringBuilder field = new StringBuilder();
            for (tools.jackson.core.JacksonException.Reference reference : json.getPath()) {
                if (reference.getPropertyName() != null) {
                    field.append(field.isEmpty() ? "" : ".").append(reference.getPropertyName());
                } else if (reference.getIndex() >= 0) {
                    field.append('[').append(reference.getIndex()).append(']');
                }
            }
            String where = json.getLocation() == null || json.getLocation().getLineNr() < 0 ? ""
                    : " (line " + json.getLocation().getLineNr() + ", column " + json.getLocation().getColumnNr() + ")";
            return field.isEmpty() ? "not well-formed JSON" + where
                    : "field " + field + " has the wrong type or format" + where;
        }
        return e.getClass().getSimpleName();
    }

    /** Reads the attributes a rejection can still report, from whatever the message had. */
    static String bestEffort(ConsumerRecord<byte[], byte[]> record, String attribute) {
        String value = header(record, "ce_" + attribute);
        if (value != null) {
            return value;
        }
        try {
            JsonNode event = JSON.readTree(record.value());
            return event != null && event.isObject() ? text(event, attribute) : null;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
