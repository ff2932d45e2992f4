package io.maap.support.config;

import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

import java.util.List;

/**
 * The services without aggregates (notification-service, reporting-service) have no Axon and no
 * JPA of their own, but in the one-JVM local run they share a class path with the services that
 * do: without this filter their contexts would configure Axon, an event store, its processors and
 * Hibernate over a database that has none of those tables. When {@value #SWITCH} is true (set by
 * those services' own settings), those auto-configurations are left out; other contexts are
 * untouched.
 */
public class NoAggregatesAutoConfigurationFilter implements AutoConfigurationImportFilter, EnvironmentAware {

    public static final String SWITCH = "maap.no-aggregates";
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
