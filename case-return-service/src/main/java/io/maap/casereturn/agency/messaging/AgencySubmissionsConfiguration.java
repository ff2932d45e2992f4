package io.maap.casereturn.agency.messaging;

import io.maap.casereturn.request.query.ReturnRequestViews;
import io.maap.events.Topics;
import jakarta.validation.Validator;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import io.maap.support.messaging.TopicProvisioner;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.backoff.FixedBackOff;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import io.maap.support.messaging.ConsumerFailover;
import io.maap.support.messaging.KafkaClientSecurity;
import org.springframework.core.env.Environment;

import java.util.HashMap;
import java.util.Map;

/**
 * The agency-submissions consumer runs on Spring Kafka directly rather than a Spring Cloud Stream
 * binding: it needs the raw record (original bytes and headers for the dead-letter topic, both
 * CloudEvents modes) and routes bad messages itself instead of through binder retries.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "maap.agency-submissions.enabled", havingValue = "true", matchIfMissing = true)
public class AgencySubmissionsConfiguration {

    @Bean
    KafkaTemplate<byte[], byte[]> agencySubmissionsProducer(@Value("${spring.cloud.stream.kafka.binder.brokers}") String brokers,
                                                            Environment environment) {
        Map<String, Object> config = new HashMap<>(KafkaClientSecurity.from(environment).clientProperties());
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // A dead letter is the agency's message (up to the topic's limit) plus our headers.
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, TopicProvisioner.AGENCY_DEAD_LETTER_MAX_BYTES);
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config, new ByteArraySerializer(), new ByteArraySerializer()));
    }

    @Bean
    KafkaMessageListenerContainer<byte[], byte[]> agencySubmissionsListener(
            @Value("${spring.cloud.stream.kafka.binder.brokers}") String brokers,
            @Value("${maap.agency-submissions.group:case-return-service}") String group,
            @Value("${maap.events.source}") String source,
            CommandGateway commands, ReturnRequestViews requests, ProcessedAgencyMessages processed,
            PlatformTransactionManager transactionManager, Validator validator, Clock clock,
            KafkaTemplate<byte[], byte[]> agencySubmissionsProducer, Environment environment) {
        Map<String, Object> config = new HashMap<>(KafkaClientSecurity.from(environment).clientProperties());
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.putAll(ConsumerFailover.properties());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // A new agency's topic is subscribed to within this time of its creation.
        config.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, 10_000);
        var consumers = new DefaultKafkaConsumerFactory<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        ContainerProperties properties = new ContainerProperties(java.util.regex.Pattern.compile(Topics.AGENCY_SUBMISSIONS_PATTERN));
        properties.setAckMode(ContainerProperties.AckMode.RECORD);
        properties.setMessageListener(new AgencySubmissionsConsumer(commands, requests, processed,
                new TransactionTemplate(transactionManager), validator, agencySubmissionsProducer, clock, source));
        var container = new KafkaMessageListenerContainer<>(consumers, properties);
        // Bad messages are routed by the consumer itself; this only catches failures of our own
        // (database or broker down): retried, then dead-lettered rather than blocking the partition.
        var recoverer = new DeadLetterPublishingRecoverer(agencySubmissionsProducer,
                (record, e) -> new org.apache.kafka.common.TopicPartition(Topics.AGENCY_SUBMISSIONS_DLQ, -1));
        recoverer.setHeadersFunction((record, e) -> new RecordHeaders(new Header[] {
                new RecordHeader(DeadLetters.CODE_HEADER, "processing-failed".getBytes(StandardCharsets.UTF_8))}));
        container.setCommonErrorHandler(new DefaultErrorHandler(recoverer, new FixedBackOff(2_000, 10)));
        return container;
    }
}
