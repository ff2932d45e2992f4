package io.maap.support.messaging;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

import java.util.List;

/** Topic provisioning for every MAAP service, before its bindings start. */
@AutoConfiguration
public class MessagingAutoConfiguration {

    @Bean
    @ConditionalOnProperty(name = "maap.topics.provision", havingValue = "true", matchIfMissing = true)
    public InitializingBean maapTopics(
            @Value("${spring.cloud.stream.kafka.binder.brokers}") String brokers,
            @Value("${maap.topics.partitions:3}") int partitions,
            @Value("${maap.topics.replication-factor:1}") short replicationFactor,
            @Value("${maap.topics.service-dead-letter-topics:}") List<String> deadLetterTopics,
            @Value("${maap.agency-submissions.agencies:}") List<String> kafkaAgencies,
            org.springframework.core.env.Environment environment) {
        var security = KafkaClientSecurity.from(environment).clientProperties();
        return () -> new TopicProvisioner(brokers, partitions, replicationFactor, security)
                .provision(TopicProvisioner.topicConfigs(deadLetterTopics, kafkaAgencies));
    }
}
