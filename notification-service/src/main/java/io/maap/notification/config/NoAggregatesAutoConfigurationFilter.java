package io.maap.notification.config;

import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

import java.util.List;

/**
 * notification-service has no aggregates and no JPA, but in the one-JVM local run it shares a
 * class path with the services that do: without this filter its context would configure Axon, an
 * event store and Hibernate over its database. When {@code maap.notifications.no-aggregates} is
 * true (set by notification-service alone), those auto-configurations are left out; other
 * contexts are untouched.
 */
public class NoAggregatesAutoConfigurationFilter implements AutoConfigurationImportFilter, EnvironmentAware {

    static final String SWITCH = "maap.notifications.no-aggregates";
    private static final List<String> LEFT_OUT = List.of("org.axonframework.", "io.maap.support.axon.",
            "org.springframework.boot.hibernate.", "org.springframework.boot.data.jpa.", "org.springframework.boot.jpa.");

    private boolean noAggregates;

    @Override
    public void setEnvironment(Environment environment) {
        noAggregates = environment.getProperty(SWITCH, Boolean.class, false);
    }

    @Override
    public boolean[] match(String[] autoConfigurationClasses, AutoConfigurationMetadata metadata) {
        boolean[] matches = new boolean[autoConfigurationClasses.length];
        for (int i = 0; i < autoConfigurationClasses.length; i++) {
            String candidate = autoConfigurationClasses[i];
            matches[i] = !noAggregates || candidate == null || LEFT_OUT.stream().noneMatch(candidate::startsWith);
        }
        return matches;
    }
}
