package io.maap.support.messaging;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;
import org.springframework.core.env.PropertyResolver;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How a service authenticates to the broker ({@code maap.kafka.*}, from {@code KAFKA_SECURITY_PROTOCOL},
 * {@code KAFKA_SASL_MECHANISM}, {@code KAFKA_SASL_USERNAME}, {@code KAFKA_SASL_PASSWORD}): plain
 * connections by default (the local run), SASL (SCRAM-SHA-512 by default) with one principal per
 * service in a deployment. The same settings go to every Kafka client of the service: the
 * binder's, the agency ingestion's and the topic provisioner's.
 */
public record KafkaClientSecurity(String protocol, String mechanism, String username, String password) {

    public KafkaClientSecurity {
        protocol = protocol == null || protocol.isBlank() ? "PLAINTEXT" : protocol.trim().toUpperCase(Locale.ROOT);
        mechanism = mechanism == null || mechanism.isBlank() ? "SCRAM-SHA-512" : mechanism.trim().toUpperCase(Locale.ROOT);
        if (protocol.startsWith("SASL_") && (username == null || username.isBlank() || password == null)) {
            throw new IllegalStateException("Kafka security protocol " + protocol + " needs maap.kafka.sasl-username "
                    + "and maap.kafka.sasl-password (KAFKA_SASL_USERNAME, KAFKA_SASL_PASSWORD)");
        }
    }

    public static KafkaClientSecurity from(PropertyResolver properties) {
        return new KafkaClientSecurity(properties.getProperty("maap.kafka.security-protocol"),
                properties.getProperty("maap.kafka.sasl-mechanism"), properties.getProperty("maap.kafka.sasl-username"),
                properties.getProperty("maap.kafka.sasl-password"));
    }

    public boolean sasl() {
        return protocol.startsWith("SASL_");
    }

    /** Client properties to add to every producer, consumer and admin client (none for plain connections). */
    public Map<String, Object> clientProperties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        if (!"PLAINTEXT".equals(protocol)) {
            properties.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, protocol);
        }
        if (sasl()) {
            properties.put(SaslConfigs.SASL_MECHANISM, mechanism);
            properties.put(SaslConfigs.SASL_JAAS_CONFIG, jaasConfig(mechanism, username, password));
        }
        return properties;
    }

    public static String jaasConfig(String mechanism, String username, String password) {
        String module = mechanism.startsWith("SCRAM-") ? "org.apache.kafka.common.security.scram.ScramLoginModule"
                : "org.apache.kafka.common.security.plain.PlainLoginModule";
        return module + " required username=\"" + escape(username) + "\" password=\"" + escape(password) + "\";";
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    @Override
    public String toString() {
        return "KafkaClientSecurity[protocol=" + protocol + ", mechanism=" + mechanism + ", username=" + username + "]";
    }
}
