package io.maap.support.config;

import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;
import org.springframework.core.env.PropertySource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * In the {@value #PROFILE} profile a service must be pointed at real infrastructure: its database
 * (with its own user and password), the Kafka brokers and how to authenticate to them, the OIDC
 * issuer and its keys, MongoDB. Each of those settings has a local
 * fallback in the service's yml (e.g. {@code ${CASE_RETURN_DB_URL:jdbc:h2:file:...}}) so that the
 * one-command run needs nothing; in production the fallback would quietly write an H2 file or
 * wait for a broker on localhost. Here a setting whose value would come from such a fallback, or
 * is blank, stops start-up with {@link MissingSettingsException}, naming the environment variable
 * to set. A setting a service does not use at all (reporting-service has no datasource) is not
 * required of it. {@code maap.production.required-settings} lists the properties checked.
 */
public final class ProductionSettings {

    public static final String PROFILE = "prod";

    static final List<String> DEFAULT_REQUIRED = List.of(
            "spring.datasource.url",
            "spring.datasource.username",
            "spring.datasource.password",
            "spring.cloud.stream.kafka.binder.brokers",
            "maap.kafka.security-protocol",
            "maap.security.issuer",
            "maap.security.jwk-set-uri",
            "spring.mongodb.uri",
            "maap.crypto.master-key");

    private static final Pattern PLACEHOLDER = Pattern.compile("^\\$\\{([^:}]+)(?::(.*))?}$", Pattern.DOTALL);

    private ProductionSettings() {
    }

    /** Throws {@link MissingSettingsException} if the prod profile is active and a required setting is not given. */
    public static void check(ConfigurableEnvironment environment) {
        if (!environment.acceptsProfiles(Profiles.of(PROFILE))) {
            return;
        }
        String listed = environment.getProperty("maap.production.required-settings");
        List<String> required = listed == null ? DEFAULT_REQUIRED
                : Arrays.stream(listed.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        List<MissingSettingsException.Missing> missing = new ArrayList<>();
        for (String property : required) {
            Object raw = rawValue(environment, property);
            if (raw == null) {
                continue; // not a setting this service uses
            }
            Matcher placeholder = PLACEHOLDER.matcher(raw.toString().trim());
            if (placeholder.matches()) {
                String variable = placeholder.group(1).trim();
                String value = environment.getProperty(variable);
                if (value == null || value.isBlank()) {
                    missing.add(new MissingSettingsException.Missing(variable, property, placeholder.group(2)));
                }
            } else if (environment.getProperty(property, "").isBlank()) {
                missing.add(new MissingSettingsException.Missing(asVariable(property), property, null));
            }
        }
        if (!missing.isEmpty()) {
            throw new MissingSettingsException(missing);
        }
    }

    /** The value as written in the first property source that has the property, placeholders unresolved. */
    private static Object rawValue(ConfigurableEnvironment environment, String property) {
        for (PropertySource<?> source : environment.getPropertySources()) {
            if ("configurationProperties".equals(source.getName())) {
                continue; // Boot's view over all the others
            }
            if (source.containsProperty(property)) {
                Object value = source.getProperty(property);
                if (value != null) {
                    return value;
                }
            }
        }
        return null;
    }

    private static String asVariable(String property) {
        return property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }
}
