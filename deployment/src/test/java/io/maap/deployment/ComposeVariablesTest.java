package io.maap.deployment;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every variable a service's configuration reads is set for it by docker-compose.yml, or has a
 * default that is safe in a deployment ({@link ConfigurationVariables}). The services are the
 * compose services built from this repository ({@code build.args.SERVICE}) and started as built;
 * their configuration is the module's {@code <service>.yml} on top of service-support's
 * {@code maap-service-defaults.yml} where the module uses service-support.
 */
class ComposeVariablesTest {

    @TestFactory
    Stream<DynamicTest> everyVariableAServiceReadsIsSetByComposeOrHasASafeDefault() {
        Map<String, Object> services = map(Repository.compose().get("services"));
        List<DynamicTest> tests = services.entrySet().stream()
                .filter(e -> map(e.getValue()).get("entrypoint") == null && module(e.getValue()) != null)
                .map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
                    String module = module(e.getValue());
                    List<String> problems = new ConfigurationVariables(configuration(module),
                            map(map(e.getValue()).getOrDefault("environment", Map.of())).keySet()).problems();
                    assertThat(problems).as("variables %s's configuration reads that compose service %s must set",
                            module, e.getKey()).isEmpty();
                }))
                .toList();
        assertThat(tests).as("compose services built from this repository").hasSizeGreaterThanOrEqualTo(5);
        return tests.stream();
    }

    @Test
    void aLocalFallbackOrAMissingVariableIsFound() {
        Map<String, String> configuration = new LinkedHashMap<>();
        configuration.put("spring.datasource.url", "${X_DB_URL:jdbc:h2:file:./x}");
        configuration.put("spring.datasource.password", "${X_DB_PASSWORD:}");
        configuration.put("maap.issuer", "${ISSUER:${maap.local-issuer}}");
        configuration.put("maap.local-issuer", "${LOCAL_ISSUER:http://localhost:9000}");
        configuration.put("maap.needed", "${NEEDED}");
        configuration.put("maap.poll", "${POLL:5s}");
        configuration.put("server.port", "${X_PORT:not-checked-when-SERVER_PORT-is-set}");

        assertThat(new ConfigurationVariables(configuration, Set.of("X_DB_PASSWORD", "SERVER_PORT")).problems())
                .containsExactlyInAnyOrder(
                        "X_DB_URL (spring.datasource.url): not set by compose; the default 'jdbc:h2:file:./x' is for the local run only",
                        "LOCAL_ISSUER (maap.issuer): not set by compose; the default 'http://localhost:9000' is for the local run only",
                        "NEEDED (maap.needed): not set by compose and has no default");
        assertThat(new ConfigurationVariables(configuration, Set.of("X_DB_URL", "X_DB_PASSWORD", "ISSUER", "NEEDED")).problems())
                .isEmpty();
    }

    private static Map<String, String> configuration(String module) throws Exception {
        Path root = Repository.root();
        Map<String, String> configuration = new LinkedHashMap<>();
        if (Files.readString(root.resolve(module).resolve("pom.xml")).contains("<artifactId>service-support</artifactId>")) {
            configuration.putAll(ConfigurationVariables.flatten(
                    Repository.yaml(root.resolve("service-support/src/main/resources/maap-service-defaults.yml"))));
        }
        Path resources = root.resolve(module).resolve("src/main/resources");
        try (Stream<Path> files = Files.list(resources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yml") || f.toString().endsWith(".yaml")).sorted().toList()) {
                configuration.putAll(ConfigurationVariables.flatten(Repository.yaml(file)));
            }
        }
        try (Stream<Path> files = Files.list(resources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".properties")).sorted().toList()) {
                java.util.Properties properties = new java.util.Properties();
                try (var in = Files.newBufferedReader(file)) {
                    properties.load(in);
                }
                properties.forEach((k, v) -> configuration.put(String.valueOf(k), String.valueOf(v)));
            }
        }
        return configuration;
    }

    private static String module(Object service) {
        Object build = map(service).get("build");
        if (build instanceof Map<?, ?> b && b.get("args") instanceof Map<?, ?> args && args.get("SERVICE") != null) {
            return String.valueOf(args.get("SERVICE"));
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
