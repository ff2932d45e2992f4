package io.maap.reporting.projection.messaging;

import io.maap.support.messaging.KafkaClientSecurity;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.config.SaslConfigs;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/** Rebuilds and "as at" views read the log as the service's binder does: on a SASL broker, authenticated. */
class EventLogTest {

    @Test
    void onASaslBrokerTheReaderCarriesTheServicesCredentials() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("maap.kafka.security-protocol", "SASL_PLAINTEXT")
                .withProperty("maap.kafka.sasl-mechanism", "SCRAM-SHA-512")
                .withProperty("maap.kafka.sasl-username", "reporting-service")
                .withProperty("maap.kafka.sasl-password", "s3cret");

        var properties = EventLog.consumerProperties("kafka:9092", KafkaClientSecurity.from(environment));

        assertThat(properties)
                .containsEntry(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "kafka:9092")
                .containsEntry(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT")
                .containsEntry(SaslConfigs.SASL_MECHANISM, "SCRAM-SHA-512")
                .containsEntry(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed")
                .doesNotContainKey(ConsumerConfig.GROUP_ID_CONFIG);
        assertThat((String) properties.get(SaslConfigs.SASL_JAAS_CONFIG))
                .startsWith("org.apache.kafka.common.security.scram.ScramLoginModule required")
                .contains("username=\"reporting-service\"").contains("password=\"s3cret\"");
    }

    @Test
    void onAPlainBrokerItAddsNoSecuritySettings() {
        var properties = EventLog.consumerProperties("localhost:9092", KafkaClientSecurity.from(new MockEnvironment()));

        assertThat(properties).doesNotContainKeys(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, SaslConfigs.SASL_JAAS_CONFIG);
    }
}
