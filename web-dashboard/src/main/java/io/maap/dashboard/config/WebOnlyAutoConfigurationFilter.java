package io.maap.dashboard.config;

import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

import java.util.List;

/**
 * In the local run the dashboard shares a JVM, and so a classpath, with the services: without
 * this filter its context would also configure a database, MongoDB, Kafka bindings and Axon.
 * When {@code maap.dashboard.web-only} is true (set by the dashboard alone), only the web,
 * template, HTTP client and actuator auto-configurations apply. Other contexts are untouched.
 */
public class WebOnlyAutoConfigurationFilter implements AutoConfigurationImportFilter, EnvironmentAware {

    static final String SWITCH = "maap.dashboard.web-only";
    private static final List<String> ALLOWED = List.of(
            "org.springframework.boot.autoconfigure.",
            "org.springframework.boot.context.",
            "org.springframework.boot.web.",
            "org.springframework.boot.webmvc.",
            "org.springframework.boot.servlet.",
            "org.springframework.boot.tomcat.",
            "org.springframework.boot.http.",
            "org.springframework.boot.jackson.",
            "org.springframework.boot.restclient.",
            "org.springframework.boot.thymeleaf.",
            "org.springframework.boot.validation.",
            "org.springframework.boot.actuate.autoconfigure.",
            "org.springframework.boot.health.",
            "org.springframework.boot.ssl.",
            // Sign-in: Spring Security and the OAuth2 client, not the resource server or issuer set-ups.
            "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.web.servlet.",
            "org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientAutoConfiguration",
            "org.springframework.boot.security.oauth2.client.autoconfigure.servlet.");

    private boolean webOnly;

    @Override
    public void setEnvironment(Environment environment) {
        webOnly = environment.getProperty(SWITCH, Boolean.class, false);
    }

    @Override
    public boolean[] match(String[] autoConfigurationClasses, AutoConfigurationMetadata metadata) {
        boolean[] matches = new boolean[autoConfigurationClasses.length];
        for (int i = 0; i < autoConfigurationClasses.length; i++) {
            String candidate = autoConfigurationClasses[i];
            matches[i] = !webOnly || candidate == null || ALLOWED.stream().anyMatch(candidate::startsWith);
        }
        return matches;
    }
}
