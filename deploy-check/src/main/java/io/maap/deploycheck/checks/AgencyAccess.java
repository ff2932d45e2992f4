package io.maap.deploycheck.checks;

import io.maap.deploycheck.Report;
import io.maap.deploycheck.compose.ComposeFile;
import io.maap.deploycheck.compose.ComposeService;
import io.maap.deploycheck.stack.Stack;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * An agency's system as it connects from outside: SCRAM-SHA-512 over TLS on the agencies'
 * listener (the published port, the demo certificate trusted), writing its own submissions topic,
 * refused on another agency's and on the platform's topics, reading its own outcomes.
 */
public final class AgencyAccess {

    private static final String AGENCY = "met-police";
    private static final String OTHER = "nelft";

    private final ComposeFile compose;
    private final Stack stack;
    private final Path project;

    public AgencyAccess(ComposeFile compose, Stack stack, Path project) {
        this.compose = compose;
        this.stack = stack;
        this.project = project;
    }

    /** {@code caseReference}: the one the partnership issued to the check audit's case (null if it was not commissioned). */
    public void checks(Report report, String auditId, String caseReference) {
        String messageId = "deploy-check-" + UUID.randomUUID();
        report.check("agency writes its own topic (SCRAM, agencies' listener)", () -> {
            try (KafkaProducer<String, String> producer = producer(password(AGENCY))) {
                RecordMetadata written = producer.send(acknowledgement(auditId, caseReference, messageId, AGENCY)).get(30, TimeUnit.SECONDS);
                return "agency-" + AGENCY + " → " + written.topic() + " partition " + written.partition() + " offset " + written.offset()
                        + " via " + bootstrap();
            }
        });
        report.check("agency refused on another agency's topic", () -> {
            try (KafkaProducer<String, String> producer = producer(password(AGENCY))) {
                ProducerRecord<String, String> record = acknowledgement(auditId, caseReference, messageId + "-x", AGENCY);
                producer.send(new ProducerRecord<>("maap.agency-submissions.v1." + OTHER, null, record.key(), record.value(),
                        record.headers())).get(30, TimeUnit.SECONDS);
                throw new IllegalStateException("agency-" + AGENCY + " could write maap.agency-submissions.v1." + OTHER);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof TopicAuthorizationException) {
                    return "TopicAuthorizationException for maap.agency-submissions.v1." + OTHER;
                }
                throw e;
            }
        });
        report.check("agency refused with a wrong password", () -> {
            try (KafkaProducer<String, String> producer = producer("not-the-password")) {
                producer.send(acknowledgement(auditId, caseReference, messageId + "-y", AGENCY)).get(30, TimeUnit.SECONDS);
                throw new IllegalStateException("a wrong password was accepted");
            } catch (ExecutionException | org.apache.kafka.common.KafkaException e) {
                Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
                if (cause instanceof SaslAuthenticationException) {
                    return "SaslAuthenticationException";
                }
                throw e;
            }
        });
        report.check("agency reads its own outcomes", () -> {
            String topic = "maap.agency-outcomes.v1." + AGENCY;
            try (KafkaConsumer<String, byte[]> consumer = consumer()) {
                List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(20)).stream()
                        .map(info -> new TopicPartition(topic, info.partition())).toList();
                if (partitions.isEmpty()) {
                    throw new IllegalStateException("no topic " + topic);
                }
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (System.nanoTime() < deadline) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
                        String value = new String(record.value(), StandardCharsets.UTF_8);
                        if (value.contains(messageId)) {
                            var type = record.headers().lastHeader("ce_type");
                            return topic + ": " + (type == null ? "?" : new String(type.value(), StandardCharsets.UTF_8))
                                    + " for its message";
                        }
                    }
                }
                throw new IllegalStateException("no outcome for message " + messageId + " on " + topic + " within 60 s");
            }
        });
        report.check("agency refused on the platform's topics", () -> {
            try (KafkaConsumer<String, byte[]> consumer = consumer()) {
                TopicPartition partition = new TopicPartition("maap.case-returns.events.v1", 0);
                consumer.assign(List.of(partition));
                consumer.seekToBeginning(List.of(partition));
                consumer.poll(Duration.ofSeconds(10));
                throw new IllegalStateException("agency-" + AGENCY + " could read maap.case-returns.events.v1");
            } catch (TopicAuthorizationException e) {
                return "TopicAuthorizationException for maap.case-returns.events.v1";
            }
        });
    }

    private ProducerRecord<String, String> acknowledgement(String auditId, String caseReference, String messageId, String agency) {
        String data = "{\"auditId\":\"" + auditId + "\",\"caseReference\":\"" + caseReference + "\",\"agency\":\"" + agency
                + "\",\"acknowledgedBy\":\"SPOC Met\",\"caseHolder\":\"DC Jones\",\"lineManager\":\"DS Patel\",\"auditor\":\"DI Brown\"}";
        ProducerRecord<String, String> record = new ProducerRecord<>("maap.agency-submissions.v1." + agency, agency, data);
        record.headers().add("ce_specversion", bytes("1.0")).add("ce_id", bytes(messageId))
                .add("ce_source", bytes("urn:maap:agency:" + agency))
                .add("ce_type", bytes("maap.agency.return-request-acknowledged.v1")).add("content-type", bytes("application/json"));
        return record;
    }

    private KafkaProducer<String, String> producer(String password) {
        Map<String, Object> config = security(password);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "20000");
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "30000");
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "20000");
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    private KafkaConsumer<String, byte[]> consumer() {
        Map<String, Object> config = security(password(AGENCY));
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new KafkaConsumer<>(config, new org.apache.kafka.common.serialization.StringDeserializer(), new ByteArrayDeserializer());
    }

    private Map<String, Object> security(String password) {
        Map<String, String> kafka = compose.service("kafka").environment();
        Map<String, Object> config = new HashMap<>();
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        config.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_SSL");
        config.put("sasl.mechanism", "SCRAM-SHA-512");
        config.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"agency-"
                + AGENCY + "\" password=\"" + password + "\";");
        config.put("ssl.truststore.type", "PKCS12");
        config.put("ssl.truststore.location", keystoreDirectory().resolve("agency-truststore.p12").toString());
        config.put("ssl.truststore.password", kafka.get("KAFKA_LISTENER_NAME_EXTERNAL_SSL_KEYSTORE_PASSWORD"));
        return config;
    }

    /** The agencies' listener as advertised to them (EXTERNAL in KAFKA_ADVERTISED_LISTENERS), reached on the published port. */
    private String bootstrap() {
        for (String listener : compose.service("kafka").environment().get("KAFKA_ADVERTISED_LISTENERS").split(",")) {
            if (listener.startsWith("EXTERNAL://")) {
                return listener.substring("EXTERNAL://".length());
            }
        }
        throw new IllegalStateException("kafka advertises no EXTERNAL listener for agencies");
    }

    private Path keystoreDirectory() {
        for (ComposeService.Mount mount : compose.service("kafka").volumes()) {
            if (mount.target().equals("/etc/kafka/secrets")) {
                return mount.named() ? stack.volume(mount.source()) : stack.projectPath(mount.source());
            }
        }
        return project.resolve("docker/kafka/secrets");
    }

    private String password(String agency) {
        return compose.service("kafka-access").environment()
                .get("MAAP_KAFKA_PASSWORD_AGENCY_" + agency.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
