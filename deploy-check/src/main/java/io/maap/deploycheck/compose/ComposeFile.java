package io.maap.deploycheck.compose;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A compose file read as compose reads it: YAML with anchors and merge keys, every value
 * interpolated from the variables (the process environment over the {@code .env} file), extension
 * fields ({@code x-...}) ignored; the services in file order.
 */
public final class ComposeFile {

    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|h|m|s)");

    private final String projectName;
    private final Map<String, ComposeService> services;
    private final List<String> volumes;

    private ComposeFile(String projectName, Map<String, ComposeService> services, List<String> volumes) {
        this.projectName = projectName;
        this.services = services;
        this.volumes = volumes;
    }

    public static ComposeFile read(Path file, Map<String, String> variables) throws IOException {
        return parse(Files.readString(file), variables);
    }

    @SuppressWarnings("unchecked")
    public static ComposeFile parse(String yaml, Map<String, String> variables) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Map<String, Object> root = new Yaml(new SafeConstructor(options)).load(yaml);
        Interpolation interpolation = Interpolation.of(variables);
        Map<String, Object> model = (Map<String, Object>) interpolate(root, interpolation);
        Map<String, ComposeService> services = new LinkedHashMap<>();
        ((Map<String, Object>) model.getOrDefault("services", Map.of())).forEach((name, definition) ->
                services.put(name, service(name, (Map<String, Object>) definition, variables)));
        List<String> volumes = new ArrayList<>(((Map<String, Object>) model.getOrDefault("volumes", Map.of())).keySet());
        return new ComposeFile((String) model.get("name"), services, volumes);
    }

    public String projectName() {
        return projectName;
    }

    public Map<String, ComposeService> services() {
        return services;
    }

    public ComposeService service(String name) {
        ComposeService service = services.get(name);
        if (service == null) {
            throw new IllegalArgumentException("no service " + name + " in the compose file");
        }
        return service;
    }

    public List<String> volumes() {
        return volumes;
    }

    @SuppressWarnings("unchecked")
    private static Object interpolate(Object node, Interpolation interpolation) {
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((key, value) -> {
                if (!String.valueOf(key).startsWith("x-")) {
                    out.put(String.valueOf(key), interpolate(value, interpolation));
                }
            });
            return out;
        }
        if (node instanceof List<?> list) {
            return list.stream().map(item -> interpolate(item, interpolation)).toList();
        }
        if (node instanceof String text) {
            return interpolation.apply(text);
        }
        return node;
    }

    @SuppressWarnings("unchecked")
    private static ComposeService service(String name, Map<String, Object> definition, Map<String, String> variables) {
        Map<String, String> buildArgs = null;
        Object build = definition.get("build");
        if (build instanceof Map<?, ?> buildMap) {
            Object args = buildMap.get("args");
            buildArgs = args == null ? Map.of() : strings((Map<String, Object>) args, variables);
        } else if (build != null) {
            buildArgs = Map.of();
        }
        Map<String, String> dependsOn = new LinkedHashMap<>();
        Object depends = definition.get("depends_on");
        if (depends instanceof List<?> list) {
            list.forEach(other -> dependsOn.put(String.valueOf(other), "service_started"));
        } else if (depends instanceof Map<?, ?> map) {
            map.forEach((other, condition) -> dependsOn.put(String.valueOf(other),
                    String.valueOf(((Map<String, Object>) condition).getOrDefault("condition", "service_started"))));
        }
        return new ComposeService(name, (String) definition.get("image"), buildArgs,
                commandLine(definition.get("entrypoint")), commandLine(definition.get("command")),
                environment(definition.get("environment"), variables),
                ((List<Object>) definition.getOrDefault("ports", List.of())).stream()
                        .map(port -> ComposeService.Port.parse(String.valueOf(port))).toList(),
                ((List<Object>) definition.getOrDefault("volumes", List.of())).stream()
                        .map(volume -> ComposeService.Mount.parse(String.valueOf(volume))).toList(),
                dependsOn, healthcheck((Map<String, Object>) definition.get("healthcheck")));
    }

    private static Map<String, String> environment(Object environment, Map<String, String> variables) {
        Map<String, String> out = new LinkedHashMap<>();
        if (environment instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                if (value != null) {
                    out.put(String.valueOf(key), scalar(value));
                } else if (variables.containsKey(String.valueOf(key))) {
                    out.put(String.valueOf(key), variables.get(String.valueOf(key)));
                }
            });
        } else if (environment instanceof List<?> list) {
            for (Object item : list) {
                String entry = String.valueOf(item);
                int equals = entry.indexOf('=');
                if (equals > 0) {
                    out.put(entry.substring(0, equals), entry.substring(equals + 1));
                } else if (variables.containsKey(entry)) {
                    out.put(entry, variables.get(entry));
                }
            }
        }
        return out;
    }

    private static Map<String, String> strings(Map<String, Object> map, Map<String, String> variables) {
        return environment(map, variables);
    }

    /** YAML scalars as compose passes them to a container: numbers and booleans as written. */
    private static String scalar(Object value) {
        return String.valueOf(value);
    }

    private static List<String> commandLine(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return ShellWords.split(String.valueOf(value));
    }

    private static ComposeService.Healthcheck healthcheck(Map<String, Object> definition) {
        if (definition == null) {
            return null;
        }
        Object test = definition.get("test");
        List<String> command = test instanceof List<?> list ? list.stream().map(String::valueOf).toList()
                : List.of("CMD-SHELL", String.valueOf(test));
        return new ComposeService.Healthcheck(command, duration(definition.get("interval"), Duration.ofSeconds(30)),
                duration(definition.get("timeout"), Duration.ofSeconds(30)),
                definition.get("retries") == null ? 3 : ((Number) definition.get("retries")).intValue(),
                duration(definition.get("start_period"), Duration.ZERO));
    }

    static Duration duration(Object value, Duration absent) {
        if (value == null) {
            return absent;
        }
        Duration total = Duration.ZERO;
        Matcher matcher = DURATION.matcher(String.valueOf(value));
        while (matcher.find()) {
            long amount = Long.parseLong(matcher.group(1));
            total = total.plus(switch (matcher.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            });
        }
        return total;
    }
}
