package io.maap.deploycheck.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the {@code apache/kafka} image does with its environment before it starts the broker
 * ({@code docker/resources/common-scripts} and {@code utility} in the Kafka repository): defaults
 * for the KRaft settings left unset ({@code configureDefaults}), {@code KAFKA_LISTENERS} derived
 * from the advertised listeners when unset, then every {@code KAFKA_*} variable but the launcher's
 * own becomes a property: the prefix dropped, a single {@code _} between letters a {@code .},
 * {@code ___} a {@code -}, {@code __} a {@code _}, lower case. The storage is formatted with
 * {@code CLUSTER_ID}.
 */
public final class KafkaImageConfig {

    /** The image's defaults for variables left unset (configureDefaults). */
    static final Map<String, String> DEFAULTS = Map.ofEntries(
            Map.entry("CLUSTER_ID", "5L6g3nShT-eMCtK--X86sw"),
            Map.entry("KAFKA_NODE_ID", "1"),
            Map.entry("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT,PLAINTEXT_HOST:PLAINTEXT"),
            Map.entry("KAFKA_LISTENERS", "PLAINTEXT://localhost:29092,CONTROLLER://localhost:29093,PLAINTEXT_HOST://0.0.0.0:9092"),
            Map.entry("KAFKA_ADVERTISED_LISTENERS", "PLAINTEXT://localhost:29092,PLAINTEXT_HOST://localhost:9092"),
            Map.entry("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "1"),
            Map.entry("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0"),
            Map.entry("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "1"),
            Map.entry("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "1"),
            Map.entry("KAFKA_PROCESS_ROLES", "broker,controller"),
            Map.entry("KAFKA_CONTROLLER_QUORUM_VOTERS", "1@localhost:29093"),
            Map.entry("KAFKA_INTER_BROKER_LISTENER_NAME", "PLAINTEXT"),
            Map.entry("KAFKA_CONTROLLER_LISTENER_NAMES", "CONTROLLER"),
            Map.entry("KAFKA_LOG_DIRS", "/tmp/kraft-combined-logs"));

    /** The launcher's variables, never properties (kafka-propertiesSpec.json). */
    static final List<String> EXCLUDED = List.of("KAFKA_VERSION", "KAFKA_HEAP_OPT", "KAFKA_LOG4J_OPTS", "KAFKA_OPTS",
            "KAFKA_JMX_OPTS", "KAFKA_JVM_PERFORMANCE_OPTS", "KAFKA_GC_LOG_OPTS", "KAFKA_LOG4J_ROOT_LOGLEVEL",
            "KAFKA_LOG4J_LOGGERS", "KAFKA_TOOLS_LOG4J_LOGLEVEL");

    private static final Pattern SINGLE_UNDERSCORE = Pattern.compile("[^_]_[^_]");

    private final Map<String, String> environment;
    private final Map<String, String> properties;
    private final List<String> warnings;

    private KafkaImageConfig(Map<String, String> environment, Map<String, String> properties, List<String> warnings) {
        this.environment = environment;
        this.properties = properties;
        this.warnings = warnings;
    }

    /** The container's environment as the image's scripts leave it, and the server.properties they write. */
    public static KafkaImageConfig from(Map<String, String> composeEnvironment) {
        Map<String, String> environment = new TreeMap<>(composeEnvironment);
        DEFAULTS.forEach((name, value) -> {
            if (environment.getOrDefault(name, "").isEmpty()) {
                environment.put(name, value);
            }
        });
        List<String> warnings = new ArrayList<>();
        String advertised = environment.getOrDefault("KAFKA_ADVERTISED_LISTENERS", "");
        if (advertised.matches(".*SASL_.*://.*") && environment.getOrDefault("KAFKA_OPTS", "").isEmpty()) {
            warnings.add("the image's configure script stops when SASL listeners are advertised and KAFKA_OPTS is unset "
                    + "(it wants -Djava.security.auth.login.config)");
        }
        Map<String, String> properties = new TreeMap<>();
        environment.forEach((name, value) -> {
            if (name.startsWith("KAFKA_") && !EXCLUDED.contains(name)) {
                properties.put(propertyName(name.substring("KAFKA_".length())), value);
            }
        });
        return new KafkaImageConfig(environment, properties, warnings);
    }

    /** KAFKA_ stripped: {@code LISTENER_NAME_SASL__PLAINTEXT_SCRAM___SHA___512_SASL_JAAS_CONFIG} → its property. */
    public static String propertyName(String variable) {
        Matcher matcher = SINGLE_UNDERSCORE.matcher(variable);
        String singles = matcher.replaceAll(match -> Matcher.quoteReplacement(match.group().replace('_', '.')));
        return singles.replace("___", "-").replace("__", "_").toLowerCase(java.util.Locale.ROOT);
    }

    public Map<String, String> properties() {
        return properties;
    }

    public String clusterId() {
        return environment.get("CLUSTER_ID");
    }

    public List<String> warnings() {
        return warnings;
    }

    /** server.properties text as the image writes it: {@code name=value} lines, sorted, values as they are. */
    public String serverProperties() {
        StringBuilder out = new StringBuilder();
        properties.forEach((name, value) -> out.append(name).append('=').append(value).append('\n'));
        return out.toString();
    }
}
