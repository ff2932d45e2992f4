package io.maap.support.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.cloud.stream.binder.kafka.support.ProducerConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The metrics every MAAP service adds to Spring Boot's, Axon's and the Kafka binder's on
 * {@code /actuator/prometheus} (docs/operations.md): records routed to dead-letter topics,
 * deadlines fired, and event processor lag per segment.
 *
 * <p>Ordered after Boot's registries and before Axon's Micrometer auto-configuration: Axon's
 * declares a registry of its own when it finds none yet, and Boot 4's classes are not among those
 * it names to come after.
 */
@AutoConfiguration(
        afterName = {"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
                "org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusMetricsExportAutoConfiguration",
                "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration"},
        beforeName = "org.axonframework.springboot.autoconfig.MicrometerMetricsAutoConfiguration")
@ConditionalOnClass(MeterRegistry.class)
public class MetricsSupportAutoConfiguration {

    /** The binder's producers, its dead-letter producers included, count what they put on a dead-letter topic. */
    @Bean
    @ConditionalOnClass(ProducerConfigCustomizer.class)
    ProducerConfigCustomizer deadLetterCountingProducers(ObjectProvider<MeterRegistry> registries) {
        return (config, bindingName, destination) -> DeadLetterCounter.install(config, registries);
    }

    /** So do the services' own Kafka templates (case-return-service's agency submissions). */
    @Bean
    static BeanPostProcessor deadLetterCountingTemplates(ObjectProvider<MeterRegistry> registries) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof KafkaTemplate<?, ?> template
                        && template.getProducerFactory() instanceof DefaultKafkaProducerFactory<?, ?> factory) {
                    Map<String, Object> update = new HashMap<>(factory.getConfigurationProperties());
                    DeadLetterCounter.install(update, registries);
                    factory.updateConfigs(update);
                }
                return bean;
            }
        };
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(DeadlineManager.class)
    static class Deadlines {

        @Bean
        SmartInitializingSingleton deadlineMetricsInterceptor(ObjectProvider<DeadlineManager> deadlineManagers,
                                                              ObjectProvider<MeterRegistry> registries) {
            return () -> deadlineManagers.ifAvailable(manager -> registries.ifAvailable(registry ->
                    manager.registerHandlerInterceptor(new DeadlineMetrics(registry))));
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(EventProcessingConfiguration.class)
    static class Processors {

        /** Axon's beans are declared after this configuration, so they are looked up when it starts. */
        @Bean
        EventProcessorLag eventProcessorLag(ObjectProvider<EventProcessingConfiguration> processing,
                                            ObjectProvider<EventStore> eventStore, MeterRegistry registry,
                                            Environment environment) {
            return new EventProcessorLag(processing, eventStore, registry,
                    environment.getProperty("maap.metrics.processor-lag-interval", Duration.class, Duration.ofSeconds(10)));
        }
    }
}
