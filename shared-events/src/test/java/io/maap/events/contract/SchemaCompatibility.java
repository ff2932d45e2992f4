package io.maap.events.contract;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Whether a new version of an event schema can replace the published one. Events are kept
 * forever and read by systems we don't deploy, so the rule is full compatibility: every event
 * written under the old schema must validate under the new one, and every event written under
 * the new one must still make sense to an old reader. So: no property removed or renamed, no
 * type or format changed, no property newly required or no longer required, no enum value
 * added or removed. New optional properties are fine. Anything else needs a new event version.
 */
final class SchemaCompatibility {

    private SchemaCompatibility() {
    }

    /** @return the incompatibilities, empty when {@code next} may replace {@code previous} */
    static List<String> problems(JsonNode previous, JsonNode next) {
        List<String> problems = new ArrayList<>();
        compare("$", previous, previous, next, next, problems, new HashSet<>());
        return problems;
    }

    private static void compare(String path, JsonNode prevRoot, JsonNode prev, JsonNode nextRoot, JsonNode next,
                                List<String> problems, Set<String> visited) {
        prev = resolve(prevRoot, prev);
        next = resolve(nextRoot, next);
        if (!visited.add(path)) {
            return;
        }
        if (!types(prevRoot, prev).equals(types(nextRoot, next))) {
            problems.add(path + ": type changed from " + types(prevRoot, prev) + " to " + types(nextRoot, next));
            return;
        }
        if (!text(prev, "format").equals(text(next, "format"))) {
            problems.add(path + ": format changed from '" + text(prev, "format") + "' to '" + text(next, "format") + "'");
        }
        Set<String> prevEnum = values(prev.get("enum"));
        Set<String> nextEnum = values(next.get("enum"));
        if (!prevEnum.equals(nextEnum)) {
            problems.add(path + ": enum changed from " + prevEnum + " to " + nextEnum);
        }
        Set<String> prevRequired = values(prev.get("required"));
        Set<String> nextRequired = values(next.get("required"));
        JsonNode prevProperties = prev.get("properties");
        JsonNode nextProperties = next.get("properties");
        if (prevProperties != null) {
            for (String name : prevProperties.propertyNames()) {
                String child = path + "." + name;
                if (nextProperties == null || !nextProperties.has(name)) {
                    problems.add(child + ": property removed");
                    continue;
                }
                if (prevRequired.contains(name) && !nextRequired.contains(name)) {
                    problems.add(child + ": no longer required, old readers rely on it");
                }
                compare(child, prevRoot, prevProperties.get(name), nextRoot, nextProperties.get(name), problems, visited);
            }
        }
        for (String name : nextRequired) {
            if (!prevRequired.contains(name)) {
                problems.add(path + "." + name + ": newly required, events already stored lack it");
            }
        }
        if (prev.has("items") && next.has("items")) {
            compare(path + "[]", prevRoot, prev.get("items"), nextRoot, next.get("items"), problems, visited);
        }
    }

    private static JsonNode resolve(JsonNode root, JsonNode node) {
        JsonNode current = node;
        for (int depth = 0; current != null && current.has("$ref") && depth < 20; depth++) {
            String ref = current.get("$ref").asString();
            if (!ref.startsWith("#/")) {
                throw new IllegalArgumentException("Only local references are supported: " + ref);
            }
            JsonNode target = root;
            for (String part : ref.substring(2).split("/")) {
                target = target.get(part.replace("~1", "/").replace("~0", "~"));
            }
            current = target;
        }
        return current;
    }

    private static Set<String> types(JsonNode root, JsonNode node) {
        Set<String> types = values(node.get("type"));
        if (types.isEmpty() && node.has("anyOf")) {
            node.get("anyOf").forEach(option -> types.addAll(values(resolve(root, option).get("type"))));
        }
        return types;
    }

    private static Set<String> values(JsonNode node) {
        Set<String> values = new TreeSet<>();
        if (node == null) {
            return values;
        }
        if (node.isArray()) {
            node.forEach(value -> values.add(value.asString()));
        } else {
            values.add(node.asString());
        }
        return values;
    }

    private static String text(JsonNode node, String field) {
        return node.has(field) ? node.get(field).asString() : "";
    }
}
