package io.maap.resilience.fuzz;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.Map;
import java.util.UUID;

/**
 * A plausible value for a JSON schema from an OpenAPI document: every property filled, formats
 * and enums respected, ids in the fuzz's own namespace. It is the starting point that malformed
 * inputs change one thing in, so that each reaches as far into the handler as it can.
 */
public final class JsonSamples {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final OpenApi api;
    private final String namespace;
    private int counter;

    public JsonSamples(OpenApi api, String namespace) {
        this.api = api;
        this.namespace = namespace;
    }

    public JsonNode sample(JsonNode schema) {
        return sample(schema, "", 0);
    }

    private JsonNode sample(JsonNode schema, String name, int depth) {
        JsonNode s = api.resolve(schema);
        if (s == null || s.isMissingNode() || depth > 8) {
            return NODES.stringNode("x");
        }
        for (String combinator : new String[] {"allOf", "oneOf", "anyOf"}) {
            if (s.has(combinator) && !s.get(combinator).isEmpty()) {
                return sample(s.get(combinator).get(0), name, depth + 1);
            }
        }
        String type = typeOf(s);
        switch (type) {
            case "object": {
                ObjectNode object = NODES.objectNode();
                for (Map.Entry<String, JsonNode> property : s.path("properties").properties()) {
                    object.set(property.getKey(), sample(property.getValue(), property.getKey(), depth + 1));
                }
                return object;
            }
            case "array": {
                ArrayNode array = NODES.arrayNode();
                int items = Math.max(1, s.path("minItems").asInt(1));
                for (int i = 0; i < items; i++) {
                    array.add(sample(s.path("items"), name, depth + 1));
                }
                return array;
            }
            case "integer":
                return NODES.numberNode(s.has("minimum") ? s.get("minimum").asLong() : 1L);
            case "number":
                return NODES.numberNode(s.has("minimum") ? s.get("minimum").asDouble() : 1.5d);
            case "boolean":
                return NODES.booleanNode(true);
            default:
                return NODES.stringNode(string(s, name));
        }
    }

    /** The schema's type; OpenAPI 3.1 may give a list such as {@code ["string", "null"]}. */
    static String typeOf(JsonNode s) {
        JsonNode type = s.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!"null".equals(t.asString())) {
                    return t.asString();
                }
            }
        }
        if (type.isString()) {
            return type.asString();
        }
        return s.has("properties") ? "object" : s.has("items") ? "array" : "string";
    }

    static String text(JsonNode s, String field) {
        JsonNode value = s.path(field);
        return value.isString() ? value.asString() : "";
    }

    private String string(JsonNode s, String name) {
        if (s.has("enum") && !s.get("enum").isEmpty()) {
            return s.get("enum").get(0).asString();
        }
        String format = text(s, "format");
        switch (format) {
            case "date":
                return "2026-03-02";
            case "date-time":
                return "2026-03-02T10:15:30Z";
            case "uuid":
                return UUID.nameUUIDFromBytes((namespace + counter++).getBytes()).toString();
            default:
                break;
        }
        String pattern = text(s, "pattern");
        String lower = name.toLowerCase();
        if (pattern.startsWith("^[A-Z]{2,6}") || lower.contains("casereference")) {
            return "FZZ-" + (1000 + counter++);
        }
        if (pattern.startsWith("^[a-z][a-z0-9-]") || lower.contains("agency") || lower.contains("agencies")) {
            return "met-police";
        }
        if (!pattern.isEmpty() || lower.endsWith("id")) {
            return namespace + "-" + counter++;
        }
        int min = s.path("minLength").asInt(1);
        return "Fuzz " + "x".repeat(Math.max(0, min - 5));
    }
}
