package io.maap.support.messaging;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class ConsumerFailoverTest {

    private static final String BINDER_CONSUMER = "spring.cloud.stream.kafka.binder.consumer-properties";

    @Test
    void theBindersConsumersFailOverAsTheHandMadeOnesDo() {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("maap-service-defaults.yml"));
        Properties defaults = yaml.getObject();

        assertThat(defaults.get(BINDER_CONSUMER + "[session.timeout.ms]"))
                .isEqualTo(ConsumerFailover.properties().get(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG));
        assertThat(defaults.get(BINDER_CONSUMER + "[heartbeat.interval.ms]"))
                .isEqualTo(ConsumerFailover.properties().get(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG));
    }

    @Test
    void heartbeatsComeAtLeastThreeTimesASession() {
        assertThat(ConsumerFailover.HEARTBEAT_INTERVAL_MS * 3).isLessThanOrEqualTo(ConsumerFailover.SESSION_TIMEOUT_MS);
    }
}
