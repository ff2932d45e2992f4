package io.maap.support.config;

import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.Locale;
import java.util.Map;

/**
 * {@code MAAP_LOG_FORMAT=json} turns the console into one JSON object a line (Spring Boot's
 * structured logging, Elastic Common Schema); {@code ecs}, {@code logstash} and {@code gelf} name
 * a format; {@code text} or nothing keeps the human-readable lines. Anything else stops start-up.
 */
final class LogFormat {

    static final String VARIABLE = "MAAP_LOG_FORMAT";
    static final String PROPERTY = "logging.structured.format.console";

    private LogFormat() {
    }

    static void apply(ConfigurableEnvironment environment) {
        String requested = environment.getProperty(VARIABLE, environment.getProperty("maap.log-format", ""))
                .trim().toLowerCase(Locale.ROOT);
        String format = switch (requested) {
            case "", "text" -> null;
            case "json", "ecs" -> "ecs";
            case "logstash", "gelf" -> requested;
            default -> throw new IllegalStateException(VARIABLE + "=" + requested
                    + " is not a log format: use json (Elastic Common Schema), ecs, logstash, gelf or text");
        };
        if (format != null && !environment.containsProperty(PROPERTY)) {
            environment.getPropertySources().addLast(new MapPropertySource("maapLogFormat", Map.of(PROPERTY, format)));
        }
    }
}
