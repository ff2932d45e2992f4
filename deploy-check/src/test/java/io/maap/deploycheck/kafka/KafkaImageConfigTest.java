package io.maap.deploycheck.kafka;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaImageConfigTest {

    @Test
    void translatesVariableNamesAsTheImageDoes() {
        assertThat(KafkaImageConfig.propertyName("LOG_DIRS")).isEqualTo("log.dirs");
        assertThat(KafkaImageConfig.propertyName("OFFSETS_TOPIC_REPLICATION_FACTOR")).isEqualTo("offsets.topic.replication.factor");
        assertThat(KafkaImageConfig.propertyName("LISTENER_NAME_SASL__PLAINTEXT_SCRAM___SHA___512_SASL_JAAS_CONFIG"))
                .isEqualTo("listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config");
    }

    @Test
    void fillsTheImagesDefaultsAndSkipsTheLaunchersOwnVariables() {
        KafkaImageConfig config = KafkaImageConfig.from(Map.of("KAFKA_NODE_ID", "7", "KAFKA_OPTS", "-Dx=y",
                "KAFKA_HEAP_OPTS", "-Xmx1g", "HEALTHCHECK_ADMIN_PASSWORD", "p", "KAFKA_NUM_PARTITIONS", "3"));
        assertThat(config.properties()).containsEntry("node.id", "7").containsEntry("num.partitions", "3")
                .containsEntry("log.dirs", "/tmp/kraft-combined-logs").containsEntry("process.roles", "broker,controller")
                .doesNotContainKey("opts").doesNotContainKey("healthcheck.admin.password");
        assertThat(config.clusterId()).isEqualTo("5L6g3nShT-eMCtK--X86sw");
        assertThat(config.serverProperties()).contains("node.id=7\n");
    }

    @Test
    void warnsWhenSaslIsAdvertisedWithoutKafkaOpts() {
        assertThat(KafkaImageConfig.from(Map.of("KAFKA_ADVERTISED_LISTENERS", "SASL_PLAINTEXT://kafka:9092")).warnings())
                .singleElement().asString().contains("KAFKA_OPTS");
        assertThat(KafkaImageConfig.from(Map.of("KAFKA_ADVERTISED_LISTENERS", "SASL_PLAINTEXT://kafka:9092",
                "KAFKA_OPTS", "-Djava.security.auth.login.config=/etc/kafka/jaas.conf")).warnings()).isEmpty();
    }
}
