package io.maap.support.config;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Adds {@code maap-service-defaults.yml}, the settings every MAAP service shares, below the
 * service's own configuration, so a service's yml and the environment can override any of them.
 * Then switches the console to JSON if asked ({@link LogFormat}) and, in the prod profile, stops
 * start-up if the service is not pointed at real infrastructure ({@link ProductionSettings}).
 */
public class ServiceDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor {

    private static final String RESOURCE = "maap-service-defaults.yml";
    private static final String AXON_UPDATE_CHECKER_DISABLED = "axoniq.update-checker.disabled";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        // A safeguarding platform does not phone home: Axon's update checker reads this JVM-wide switch.
        if (System.getProperty(AXON_UPDATE_CHECKER_DISABLED) == null && System.getenv("AXONIQ_UPDATE_CHECKER_DISABLED") == null) {
            System.setProperty(AXON_UPDATE_CHECKER_DISABLED, "true");
        }
        if (environment.getPropertySources().contains(RESOURCE)) {
            return;
        }
        try {
            List<PropertySource<?>> sources = new YamlPropertySourceLoader().load(RESOURCE, new ClassPathResource(RESOURCE));
            sources.forEach(environment.getPropertySources()::addLast);
            // Every binder client authenticates like the service's own clients (KafkaClientSecurity).
            java.util.Map<String, Object> binder = new java.util.LinkedHashMap<>();
            io.maap.support.messaging.KafkaClientSecurity.from(environment).clientProperties()
                    .forEach((key, value) -> binder.put("spring.cloud.stream.kafka.binder.configuration." + key, value));
            if (!binder.isEmpty()) {
                environment.getPropertySources().addLast(
                        new org.springframework.core.env.MapPropertySource("maapKafkaClientSecurity", binder));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LogFormat.apply(environment);
        ProductionSettings.check(environment);
    }
}
