package io.maap.casereturn.agency.messaging;

import io.maap.events.Topics;
import io.maap.support.messaging.ConsumerFailover;
import io.maap.support.messaging.KafkaClientSecurity;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The agencies' outcomes relay ({@link AgencyOutcomeRelay}): a consumer group of its own on the
 * service's event topic, so it neither slows nor is slowed by the other readers, and a producer of
 * its own, held by the relay (not a KafkaTemplate bean: the service's other byte producers stay unambiguous).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "maap.agency-outcomes.enabled", havingValue = "true", matchIfMissing = true)
public class AgencyOutcomesConfiguration {

    @Bean
    AgencyOutcomeRelay agencyOutcomeRelay(@Value("${spring.cloud.stream.kafka.binder.brokers}") String brokers,
                                          @Value("${maap.agency-submissions.agencies:}") List<String> kafkaAgencies,
                                          @Value("${maap.agency-outcomes.discovery-interval:30s}") Duration refresh,
                                          Environment environment,
                                          org.springframework.beans.factory.ObjectProvider<io.maap.support.crypto.AuditKeys> keys) {
        Map<String, Object> producer = new HashMap<>(KafkaClientSecurity.from(environment).clientProperties());
        producer.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        producer.put(ProducerConfig.ACKS_CONFIG, "all");
        producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        Map<String, Object> admin = new HashMap<>(KafkaClientSecurity.from(environment).clientProperties());
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        Admin topics = Admin.create(admin);
        ConnectedAgencies connected = new ConnectedAgencies(
                kafkaAgencies.stream().map(String::trim).filter(code -> !code.isEmpty()).toList(),
                () -> listTopics(topics), refresh, Clock.systemUTC());
        return new AgencyOutcomeRelay(new AgencyOutcomeRouting(connected),
                new DefaultKafkaProducerFactory<>(producer, new ByteArraySerializer(), new ByteArraySerializer()), topics,
                keys.getIfAvailable());
    }

    private static java.util.Set<String> listTopics(Admin admin) {
        try {
            return admin.listTopics().names().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while listing topics", e);
        } catch (Exception e) {
            throw new IllegalStateException("Could not list the broker's topics", e);
        }
    }

    @Bean
    KafkaMessageListenerContainer<byte[], byte[]> agencyOutcomesListener(
            @Value("${spring.cloud.stream.kafka.binder.brokers}") String brokers,
            @Value("${maap.agency-outcomes.group:case-return-service.agency-outcomes}") String group,
            AgencyOutcomeRelay relay, Environment environment) {
        Map<String, Object> consumer = new HashMap<>(KafkaClientSecurity.from(environment).clientProperties());
        consumer.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        consumer.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        consumer.putAll(ConsumerFailover.properties());
        // A new deployment relays the outcomes already on the event topic.
        consumer.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumer.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        var consumers = new DefaultKafkaConsumerFactory<>(consumer, new ByteArrayDeserializer(), new ByteArrayDeserializer());

        ContainerProperties properties = new ContainerProperties(Topics.CASE_RETURN_EVENTS);
        properties.setAckMode(ContainerProperties.AckMode.RECORD);
        properties.setMessageListener(relay);
        var container = new KafkaMessageListenerContainer<>(consumers, properties);
        // The broker or an agency's outcomes topic unavailable (or its ACL missing): the relay waits
        // and retries the same record for as long as it takes, never skipping it, so an agency gets
        // every outcome in order once the cause is fixed. Each failed attempt is logged.
        container.setCommonErrorHandler(new DefaultErrorHandler(relayBackOff()));
        return container;
    }

    /** Retries without end: 1 s, doubling, at most 30 s apart. */
    static BackOff relayBackOff() {
        ExponentialBackOff backOff = new ExponentialBackOff(1_000, 2.0);
        backOff.setMaxInterval(30_000);
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        return backOff;
    }
}
