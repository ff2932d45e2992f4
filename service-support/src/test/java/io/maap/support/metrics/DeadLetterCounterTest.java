package io.maap.support.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLetterCounterTest {

    @Test
    void countsAcknowledgedRecordsOnDeadLetterTopicsOnly() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("registry", registry));
        Map<String, Object> config = new HashMap<>(Map.of(ProducerConfig.INTERCEPTOR_CLASSES_CONFIG, "com.example.Other"));
        DeadLetterCounter.install(config, beans.getBeanProvider(MeterRegistry.class));
        assertThat(config.get(ProducerConfig.INTERCEPTOR_CLASSES_CONFIG))
                .isEqualTo("com.example.Other," + DeadLetterCounter.class.getName());

        DeadLetterCounter counter = new DeadLetterCounter();
        counter.configure(config);
        counter.onAcknowledgement(metadata("maap.case-return-service.dlq.v1"), null);
        counter.onAcknowledgement(metadata("maap.case-return-service.dlq.v1"), new RuntimeException("not sent"));
        counter.onAcknowledgement(metadata("maap.case-returns.events.v1"), null);

        assertThat(registry.counter(DeadLetterCounter.METER, "topic", "maap.case-return-service.dlq.v1").count()).isEqualTo(1);
        assertThat(registry.find(DeadLetterCounter.METER).tag("topic", "maap.case-returns.events.v1").counter()).isNull();
    }

    private static RecordMetadata metadata(String topic) {
        return new RecordMetadata(new TopicPartition(topic, 0), 0, 0, 0, 0, 0);
    }
}
