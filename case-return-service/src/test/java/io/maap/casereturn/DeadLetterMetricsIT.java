package io.maap.casereturn;

import io.maap.events.Topics;
import io.maap.testsupport.TestInfrastructure;
import io.maap.testsupport.TestTokens;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.client.RestClient;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An unreadable message on a topic case-return-service consumes is dead-lettered, and
 * {@code /actuator/prometheus} counts it, beside the binder's consumer lag (docs/operations.md).
 */
class DeadLetterMetricsIT {

    @Test
    void aDeadLetterIsCountedAndConsumerLagIsServed() throws Exception {
        String kafka = TestInfrastructure.kafkaBootstrapServers();
        TestInfrastructure.Database db = TestInfrastructure.newPostgresDatabase("maap_case_return_dlq_metrics");
        try (ConfigurableApplicationContext app = CaseReturnApplication.builder().run(TestTokens.trusted(
                "--spring.datasource.url=" + db.jdbcUrl(),
                "--spring.datasource.username=" + db.username(),
                "--spring.datasource.password=" + db.password(),
                "--spring.cloud.stream.kafka.binder.brokers=" + kafka,
                "--spring.cloud.stream.bindings.auditEvents-in-0.group=dlq-metrics-it",
                "--server.port=0"));
             KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka), new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.AUDIT_PROGRAMME_EVENTS, "no-cloudevent".getBytes(StandardCharsets.UTF_8),
                    "{}".getBytes(StandardCharsets.UTF_8))).get();
            RestClient client = RestClient.create("http://localhost:" + app.getEnvironment().getRequiredProperty("local.server.port"));
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                String scrape = client.get().uri("/actuator/prometheus").retrieve().body(String.class);
                assertThat(scrape)
                        .containsPattern("(?m)^maap_dead_letters_total\\{.*topic=\"maap.case-return-service.dlq.v1\"} 1\\.0")
                        .containsPattern("(?m)^spring_cloud_stream_binder_kafka_offset.*group=\"dlq-metrics-it\"");
            });
        }
    }
}
