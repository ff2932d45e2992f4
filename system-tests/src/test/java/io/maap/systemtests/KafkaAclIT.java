package io.maap.systemtests;

import io.maap.events.Topics;
import io.maap.local.LocalKafka;
import io.maap.local.MaapServices.Service;
import io.maap.support.messaging.KafkaAccessControl;
import io.maap.support.messaging.KafkaClientSecurity;
import io.maap.support.messaging.TopicProvisioner;
import io.maap.testsupport.CloudEventRecords;
import io.maap.testsupport.FreePorts;
import io.maap.testsupport.TestInfrastructure;
import io.maap.testsupport.TestTokens;
import io.maap.testsupport.TopicReader;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import static io.maap.testsupport.CloudEventRecords.bytes;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The deployment's broker set-up on a real broker with SASL/SCRAM and default deny: each agency's
 * principal can write only its own submissions topic and read only its own outcomes topic;
 * strangers and wrong passwords get nothing; case-return-service runs under its own principal with
 * only the rights {@link KafkaAccessControl} gives it, ingests an agency's message and relays the
 * outcome to that agency's outcomes topic; a new agency is onboarded with one call.
 */
class KafkaAclIT {

    private static final String ADMIN_PASSWORD = "admin-secret";
    private static final List<String> AGENCIES = List.of("met-police", "nelft");

    @TempDir
    static Path dataDir;
    private static LocalKafka kafka;
    private static final Map<String, String> PASSWORDS = new LinkedHashMap<>();

    @BeforeAll
    static void brokerWithPrincipalsAndAcls() throws Exception {
        kafka = LocalKafka.secured(dataDir, FreePorts.pair(), ADMIN_PASSWORD);
        kafka.start();
        KafkaAccessControl.SERVICES.forEach(service -> PASSWORDS.put(service, service + "-secret"));
        AGENCIES.forEach(agency -> PASSWORDS.put(KafkaAccessControl.agencyPrincipal(agency), agency + "-secret"));
        Map<String, Object> admin = client("admin", ADMIN_PASSWORD);
        new TopicProvisioner(kafka.bootstrapServers(), 3, (short) 1, as("admin", ADMIN_PASSWORD))
                .provision(TopicProvisioner.topicConfigs(List.of("maap.case-return-service.dlq.v1"), AGENCIES));
        try (Admin client = Admin.create(admin)) {
            KafkaAccessControl.provision(client, PASSWORDS, AGENCIES);
        }
    }

    @AfterAll
    static void stop() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void anAgencyWritesOnlyToItsOwnSubmissionsTopic() throws Exception {
        try (KafkaProducer<byte[], byte[]> police = producer("agency-met-police", "met-police-secret")) {
            police.send(record(Topics.agencySubmissions("met-police"), "met-police")).get();
            assertRefused(() -> police.send(record(Topics.agencySubmissions("nelft"), "met-police")).get());
            assertRefused(() -> police.send(record(Topics.CASE_RETURN_EVENTS, "x")).get());
        }
        try (KafkaProducer<byte[], byte[]> reporting = producer("reporting-service", "reporting-service-secret")) {
            assertRefused(() -> reporting.send(record(Topics.CASE_RETURN_EVENTS, "x")).get());
        }
    }

    @Test
    void anAgencyCannotReadAnotherAgencysSubmissions() {
        Map<String, Object> config = consumerConfig("agency-nelft", "nelft-secret", "agency-nelft-spy");
        try (KafkaConsumer<String, String> spy = new KafkaConsumer<>(config)) {
            spy.subscribe(List.of(Topics.agencySubmissions("met-police")));
            assertThatThrownBy(() -> {
                for (int i = 0; i < 20; i++) {
                    spy.poll(Duration.ofMillis(500));
                }
            }).isInstanceOfAny(TopicAuthorizationException.class, org.apache.kafka.common.errors.GroupAuthorizationException.class);
        }
    }

    @Test
    void anAgencyReadsOnlyItsOwnOutcomes() throws Exception {
        try (KafkaProducer<byte[], byte[]> relay = producer("case-return-service", "case-return-service-secret")) {
            relay.send(record(Topics.agencyOutcomes("nelft"), "nelft-outcome")).get();
            relay.send(record(Topics.agencyOutcomes("met-police"), "met-police-outcome")).get();
        }
        try (KafkaConsumer<String, String> nelft = new KafkaConsumer<>(
                consumerConfig("agency-nelft", "nelft-secret", "agency-nelft.outcomes"))) {
            nelft.subscribe(List.of(Topics.agencyOutcomes("nelft")));
            List<ConsumerRecord<String, String>> seen = new ArrayList<>();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                nelft.poll(Duration.ofMillis(500)).forEach(seen::add);
                return seen.stream().anyMatch(r -> "nelft-outcome".equals(r.key()));
            });
        }
        // Having read its own, the same principal is refused another agency's outcomes.
        try (KafkaConsumer<String, String> spy = new KafkaConsumer<>(
                consumerConfig("agency-nelft", "nelft-secret", "agency-nelft.spy"))) {
            spy.subscribe(List.of(Topics.agencyOutcomes("met-police")));
            assertThatThrownBy(() -> {
                for (int i = 0; i < 20; i++) {
                    spy.poll(Duration.ofMillis(500));
                }
            }).isInstanceOf(TopicAuthorizationException.class);
        }
        try (KafkaProducer<byte[], byte[]> police = producer("agency-met-police", "met-police-secret")) {
            assertRefused(() -> police.send(record(Topics.agencyOutcomes("met-police"), "forged")).get());
        }
    }

    @Test
    void anAgencyIsOnboardedWithOneCommand() throws Exception {
        try (Admin admin = Admin.create(client("admin", ADMIN_PASSWORD))) {
            KafkaAccessControl.onboard(admin, new TopicProvisioner(kafka.bootstrapServers(), 3, (short) 1,
                    as("admin", ADMIN_PASSWORD)), "bhrut", "bhrut-secret");
        }
        try (KafkaProducer<byte[], byte[]> bhrut = producer("agency-bhrut", "bhrut-secret")) {
            bhrut.send(record(Topics.agencySubmissions("bhrut"), "bhrut")).get();
            assertRefused(() -> bhrut.send(record(Topics.agencySubmissions("nelft"), "bhrut")).get());
        }
        try (KafkaProducer<byte[], byte[]> relay = producer("case-return-service", "case-return-service-secret")) {
            relay.send(record(Topics.agencyOutcomes("bhrut"), "bhrut-outcome")).get();
        }
        try (KafkaConsumer<String, String> bhrut = new KafkaConsumer<>(consumerConfig("agency-bhrut", "bhrut-secret", "agency-bhrut"))) {
            bhrut.subscribe(List.of(Topics.agencyOutcomes("bhrut")));
            List<ConsumerRecord<String, String>> seen = new ArrayList<>();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                bhrut.poll(Duration.ofMillis(500)).forEach(seen::add);
                return seen.stream().anyMatch(r -> "bhrut-outcome".equals(r.key()));
            });
        }
    }

    @Test
    void aWrongPasswordOrNoAuthenticationGetsNothing() {
        try (KafkaProducer<byte[], byte[]> impostor = producer("agency-met-police", "guessed")) {
            assertThatThrownBy(() -> impostor.send(record(Topics.agencySubmissions("met-police"), "k")).get())
                    .hasRootCauseInstanceOf(SaslAuthenticationException.class);
        }
        Map<String, Object> plain = new HashMap<>();
        plain.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        plain.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        try (KafkaProducer<byte[], byte[]> stranger = new KafkaProducer<>(plain, new ByteArraySerializer(), new ByteArraySerializer())) {
            assertThatThrownBy(() -> stranger.send(record(Topics.agencySubmissions("met-police"), "k")).get())
                    .isNotNull();
        }
    }

    @Test
    void caseReturnServiceIngestsAgencyMessagesWithOnlyItsOwnRights() throws Exception {
        TestInfrastructure.Database db = TestInfrastructure.newPostgresDatabase("maap_acl");
        ConfigurableApplicationContext service = Service.CASE_RETURN.run(TestTokens.trusted(
                "--spring.cloud.stream.kafka.binder.brokers=" + kafka.bootstrapServers(),
                "--maap.kafka.security-protocol=SASL_PLAINTEXT",
                "--maap.kafka.sasl-username=case-return-service",
                "--maap.kafka.sasl-password=case-return-service-secret",
                "--maap.topics.provision=false",
                "--maap.agency-submissions.agencies=" + String.join(",", AGENCIES),
                "--spring.datasource.url=" + db.jdbcUrl(), "--spring.datasource.username=" + db.username(),
                "--spring.datasource.password=" + db.password(), "--server.port=0"));
        try (KafkaProducer<byte[], byte[]> police = producer("agency-met-police", "met-police-secret")) {
            police.send(CloudEventRecords.binary(Topics.agencySubmissions("met-police"), "met-police", "acl-1",
                    "urn:maap:agency:met-police", "maap.agency.nil-return-submitted.v1",
                    "{\"auditId\":\"no-such-audit\",\"caseReference\":\"RBR-2611-A01\",\"agency\":\"met-police\",\"submittedBy\":\"SPOC\"}"))
                    .get();
            // Read back as the admin: the message was consumed, dead-lettered and answered under the service's principal.
            await().atMost(Duration.ofSeconds(90)).until(() -> read(Topics.AGENCY_SUBMISSIONS_DLQ).stream()
                    .anyMatch(r -> "acl-1".equals(TopicReader.header(r, "ce_id"))));
            await().atMost(Duration.ofSeconds(30)).until(() -> read(Topics.CASE_RETURN_EVENTS).stream()
                    .anyMatch(r -> r.value().contains("acl-1") && "met-police".equals(r.key())));
            // The relay, under the service's principal, copies the outcome to the agency's own topic,
            // where the agency reads it as itself.
            try (KafkaConsumer<String, String> outcomes = new KafkaConsumer<>(
                    consumerConfig("agency-met-police", "met-police-secret", "agency-met-police.outcomes"))) {
                outcomes.subscribe(List.of(Topics.agencyOutcomes("met-police")));
                List<ConsumerRecord<String, String>> seen = new ArrayList<>();
                await().atMost(Duration.ofSeconds(60)).until(() -> {
                    outcomes.poll(Duration.ofMillis(500)).forEach(seen::add);
                    return seen.stream().anyMatch(r -> r.value().contains("acl-1"));
                });
            }
        } finally {
            service.close();
        }
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable send) {
        assertThatThrownBy(send).isInstanceOf(ExecutionException.class).hasCauseInstanceOf(TopicAuthorizationException.class);
    }

    private static List<ConsumerRecord<String, String>> read(String topic) {
        Map<String, Object> config = consumerConfig("admin", ADMIN_PASSWORD, null);
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            var partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new org.apache.kafka.common.TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            for (int i = 0; i < 5; i++) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        return records;
    }

    private static ProducerRecord<byte[], byte[]> record(String topic, String key) {
        return new ProducerRecord<>(topic, bytes(key), bytes("{}"));
    }

    private static KafkaProducer<byte[], byte[]> producer(String user, String password) {
        Map<String, Object> config = as(user, password);
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static Map<String, Object> consumerConfig(String user, String password, String group) {
        Map<String, Object> config = as(user, password);
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        if (group != null) {
            config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        }
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        return config;
    }

    private static Map<String, Object> client(String user, String password) {
        Map<String, Object> config = as(user, password);
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        return config;
    }

    private static Map<String, Object> as(String user, String password) {
        return new HashMap<>(new KafkaClientSecurity("SASL_PLAINTEXT", "SCRAM-SHA-512", user, password).clientProperties());
    }
}
