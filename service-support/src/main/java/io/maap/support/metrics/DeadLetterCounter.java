package io.maap.support.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.springframework.beans.factory.ObjectProvider;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Counts the records a service's producers put on dead-letter topics ({@code maap.<service>.dlq.v1},
 * {@code maap.agency-submissions.dlq.v1}: any topic with a {@code .dlq.} part), as
 * {@value #METER}{topic}. Installed as a Kafka producer interceptor on the binder's producers (its
 * dead-letter producers included) and on the services' own {@code KafkaTemplate}s, so whoever
 * routes a message to a dead-letter topic is counted without knowing about metrics.
 */
public class DeadLetterCounter implements ProducerInterceptor<Object, Object> {

    public static final String METER = "maap.dead.letters";
    /** The producer configuration entry through which the interceptor finds the service's registry. */
    static final String REGISTRY_CONFIG = "maap.metrics.registry";

    private Registry registry;

    /** The service's meter registry, looked up when the first dead letter is acknowledged. */
    record Registry(ObjectProvider<MeterRegistry> registries) {
    }

    static boolean isDeadLetterTopic(String topic) {
        return topic != null && topic.contains(".dlq.");
    }

    /** Adds this interceptor and the registry to a producer's configuration. */
    static void install(Map<String, Object> producerConfig, ObjectProvider<MeterRegistry> registries) {
        Object configured = producerConfig.get(ProducerConfig.INTERCEPTOR_CLASSES_CONFIG);
        List<String> classes = new ArrayList<>();
        if (configured instanceof String names && !names.isBlank()) {
            classes.addAll(Arrays.stream(names.split(",")).map(String::trim).toList());
        } else if (configured instanceof List<?> list) {
            list.forEach(entry -> classes.add(entry instanceof Class<?> type ? type.getName() : entry.toString()));
        }
        if (!classes.contains(DeadLetterCounter.class.getName())) {
            classes.add(DeadLetterCounter.class.getName());
        }
        producerConfig.put(ProducerConfig.INTERCEPTOR_CLASSES_CONFIG, String.join(",", classes));
        producerConfig.put(REGISTRY_CONFIG, new Registry(registries));
    }

    @Override
    public void configure(Map<String, ?> configs) {
        this.registry = configs.get(REGISTRY_CONFIG) instanceof Registry given ? given : null;
    }

    @Override
    public ProducerRecord<Object, Object> onSend(ProducerRecord<Object, Object> record) {
        return record;
    }

    @Override
    public void onAcknowledgement(RecordMetadata metadata, Exception exception) {
        if (exception == null && metadata != null && registry != null && isDeadLetterTopic(metadata.topic())) {
            MeterRegistry meters = registry.registries().getIfAvailable();
            if (meters != null) {
                meters.counter(METER, "topic", metadata.topic()).increment();
            }
        }
    }

    @Override
    public void close() {
    }
}
