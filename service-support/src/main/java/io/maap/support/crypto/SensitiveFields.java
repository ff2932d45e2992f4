package io.maap.support.crypto;

import io.maap.events.Sensitive;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import javax.crypto.SecretKey;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Encrypts and decrypts the {@link Sensitive} fields of an event in its JSON form, so that one
 * mechanism serves the event store (Axon's serializer) and the topics (the relay and every
 * consumer) alike. The key is the event's audit's ({@code auditId}); an event without an audit id
 * keeps its text as it is.
 */
public final class SensitiveFields {

    private static final Map<Class<?>, List<RecordComponent>> SENSITIVE = new ConcurrentHashMap<>();

    private SensitiveFields() {
    }

    /** Whether the type (a record) has any {@code @Sensitive} field. */
    public static boolean applies(Class<?> type) {
        return !sensitiveComponents(type).isEmpty();
    }

    /**
     * Replaces each sensitive text by its sealed form under the audit's key, or by
     * {@link Sensitive#REMOVED} when the audit's key was destroyed. Returns the same node.
     */
    public static JsonNode seal(Class<?> type, JsonNode event, AuditKeys keys) {
        String auditId = auditId(event);
        if (auditId == null || !applies(type)) {
            return event;
        }
        Optional<SecretKey> key = keys.forWriting(auditId);
        // Always sealed, even text that looks sealed: a reader decrypts once, so text sent in that
        // form reads back as sent and can never be made to open another audit's ciphertext.
        walk(type, (ObjectNode) event, text -> key.map(k -> SealedText.seal(k, auditId, text)).orElse(Sensitive.REMOVED));
        return event;
    }

    /** Replaces each sealed text by its plain text, or by {@link Sensitive#REMOVED} when its key is gone. */
    public static JsonNode open(Class<?> type, JsonNode event, Function<String, Optional<SecretKey>> keys) {
        if (applies(type) && event instanceof ObjectNode object) {
            String auditId = auditId(event);
            // Only the event's own audit's key opens its text.
            walk(type, object, text -> SealedText.isSealed(text) && !SealedText.keyId(text).equals(auditId) ? text
                    : SealedText.open(text, keys));
        }
        return event;
    }

    /**
     * Whether every sensitive text of a stored event is in its sealed form (or removed), as
     * {@link #seal} leaves it: false for an event stored in clear before its text was encrypted.
     */
    public static boolean sealedThroughout(Class<?> type, JsonNode event) {
        if (!applies(type) || auditId(event) == null || !(event instanceof ObjectNode object)) {
            return true; // nothing that seal would change
        }
        boolean[] clear = {false};
        walk(type, object, text -> {
            clear[0] |= !SealedText.isSealed(text) && !Sensitive.REMOVED.equals(text);
            return text;
        });
        return !clear[0];
    }

    private static String auditId(JsonNode event) {
        JsonNode id = event == null ? null : event.get("auditId");
        return id != null && id.isString() && !id.stringValue().isBlank() ? id.stringValue() : null;
    }

    private static void walk(Class<?> type, ObjectNode node, UnaryOperator<String> change) {
        for (RecordComponent component : sensitiveComponents(type)) {
            JsonNode value = node.get(component.getName());
            if (value == null || value.isNull()) {
                continue;
            }
            if (value.isString()) {
                node.put(component.getName(), change.apply(value.stringValue()));
            } else if (value.isObject()) {
                walk(component.getType(), (ObjectNode) value, change);
            } else if (value.isArray()) {
                Class<?> element = elementType(component.getGenericType());
                ArrayNode array = (ArrayNode) value;
                for (int i = 0; i < array.size(); i++) {
                    JsonNode item = array.get(i);
                    if (item.isString()) {
                        array.set(i, change.apply(item.stringValue()));
                    } else if (item.isObject() && element != null) {
                        walk(element, (ObjectNode) item, change);
                    }
                }
            }
        }
    }

    private static Class<?> elementType(Type type) {
        if (type instanceof ParameterizedType parameterized
                && parameterized.getActualTypeArguments().length == 1
                && parameterized.getActualTypeArguments()[0] instanceof Class<?> element) {
            return element;
        }
        return null;
    }

    private static List<RecordComponent> sensitiveComponents(Class<?> type) {
        return SENSITIVE.computeIfAbsent(type, t -> t.isRecord()
                ? Arrays.stream(t.getRecordComponents()).filter(c -> c.isAnnotationPresent(Sensitive.class)).toList()
                : List.of());
    }
}
