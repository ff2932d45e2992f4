package io.maap.deployment;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The environment variables a Spring Boot service's configuration reads ({@code ${NAME:default}}
 * placeholders in its yml), checked against what its compose service sets. A variable is fine if
 * compose sets it, or if its default is safe for a deployment. A default is not safe if it points at
 * the local machine (localhost, an H2 file) or if the variable is a credential, user, URL or URI:
 * those local fallbacks must never be what a deployment runs with. A property set directly by compose
 * (Boot's relaxed binding: {@code server.port} from {@code SERVER_PORT}) needs none of its placeholders;
 * a property that only serves as another's fallback is checked where it is used.
 */
final class ConfigurationVariables {

    private static final Pattern VARIABLE = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final Pattern MUST_BE_SET = Pattern.compile(".*(PASSWORD|SECRET|USER|USERNAME|_URL|_URI)$");
    private static final Pattern LOCAL = Pattern.compile(".*(localhost|127\\.0\\.0\\.1|jdbc:h2:).*", Pattern.DOTALL);

    private final Map<String, String> properties;
    private final Set<String> environment;

    /**
     * @param properties  the service's configuration, flattened ({@code a.b.c} to its value as written)
     * @param environment the names of the variables compose sets for the service
     */
    ConfigurationVariables(Map<String, String> properties, Set<String> environment) {
        this.properties = properties;
        this.environment = environment;
    }

    /** What a deployment of the service would be missing, one line each. */
    List<String> problems() {
        Set<String> fallbacksOnly = new HashSet<>();
        properties.values().forEach(value -> referencedProperties(value, fallbacksOnly));
        List<String> problems = new ArrayList<>();
        properties.forEach((property, value) -> {
            if (!environment.contains(relaxed(property)) && !fallbacksOnly.contains(property)) {
                check(property, value, problems, new HashSet<>());
            }
        });
        return problems.stream().distinct().toList();
    }

    private void check(String property, String value, List<String> problems, Set<String> visited) {
        for (Placeholder placeholder : placeholders(value)) {
            String name = placeholder.name();
            if (VARIABLE.matcher(name).matches()) {
                if (environment.contains(name)) {
                    continue;
                }
                if (placeholder.fallback() == null) {
                    problems.add(name + " (" + property + "): not set by compose and has no default");
                } else if (MUST_BE_SET.matcher(name).matches() || LOCAL.matcher(placeholder.fallback()).matches()) {
                    problems.add(name + " (" + property + "): not set by compose; the default '" + placeholder.fallback()
                            + "' is for the local run only");
                } else {
                    check(property, placeholder.fallback(), problems, visited);
                }
            } else if (!environment.contains(relaxed(name)) && visited.add(name)) {
                if (properties.containsKey(name)) {
                    check(property, properties.get(name), problems, visited);
                } else if (placeholder.fallback() != null) {
                    check(property, placeholder.fallback(), problems, visited);
                }
            }
        }
    }

    private static void referencedProperties(String value, Set<String> into) {
        for (Placeholder placeholder : placeholders(value)) {
            if (!VARIABLE.matcher(placeholder.name()).matches()) {
                into.add(placeholder.name());
            }
            if (placeholder.fallback() != null) {
                referencedProperties(placeholder.fallback(), into);
            }
        }
    }

    /** The environment variable that sets a property by Boot's relaxed binding. */
    static String relaxed(String property) {
        return property.toUpperCase(Locale.ROOT).replace(".", "_").replace("-", "").replace("[", "").replace("]", "");
    }

    record Placeholder(String name, String fallback) {
    }

    /** The outermost {@code ${name:fallback}} placeholders of a value (a fallback may hold placeholders of its own). */
    static List<Placeholder> placeholders(String value) {
        List<Placeholder> found = new ArrayList<>();
        int at = value.indexOf("${");
        while (at >= 0) {
            int depth = 0;
            int end = -1;
            int colon = -1;
            for (int i = at + 2; i < value.length(); i++) {
                if (value.startsWith("${", i)) {
                    depth++;
                    i++;
                } else if (value.charAt(i) == '}') {
                    if (depth == 0) {
                        end = i;
                        break;
                    }
                    depth--;
                } else if (value.charAt(i) == ':' && depth == 0 && colon < 0) {
                    colon = i;
                }
            }
            if (end < 0) {
                break;
            }
            found.add(colon < 0 ? new Placeholder(value.substring(at + 2, end).trim(), null)
                    : new Placeholder(value.substring(at + 2, colon).trim(), value.substring(colon + 1, end)));
            at = value.indexOf("${", end);
        }
        return found;
    }

    /** A YAML document as Boot sees it: {@code a.b.c} to the value's text, list items as {@code a[0]}. */
    static Map<String, String> flatten(Map<String, Object> yaml) {
        Map<String, String> flat = new LinkedHashMap<>();
        flatten("", yaml, flat);
        return flat;
    }

    private static void flatten(String prefix, Object value, Map<String, String> flat) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, child) -> flatten(prefix.isEmpty() ? String.valueOf(key)
                    : String.valueOf(key).startsWith("[") ? prefix + key : prefix + "." + key, child, flat));
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                flatten(prefix + "[" + i + "]", list.get(i), flat);
            }
        } else {
            flat.put(prefix, value == null ? "" : String.valueOf(value));
        }
    }
}
