package io.maap.support.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A service started with the prod profile and without its infrastructure's variables does not start. */
@ExtendWith(OutputCaptureExtension.class)
class ProductionSettingsTest {

    private static final String[] INFRASTRUCTURE = {
            "--PROD_CHECK_DB_URL=jdbc:postgresql://db.example/maap",
            "--KAFKA_BOOTSTRAP_SERVERS=kafka.example:9092",
            "--MAAP_ISSUER_URI=https://login.example/realms/maap",
            "--MAAP_JWK_SET_URI=https://login.example/realms/maap/protocol/openid-connect/certs",
            "--PROD_CHECK_DB_USER=prod_check",
            "--PROD_CHECK_DB_PASSWORD=secret",
            "--KAFKA_SECURITY_PROTOCOL=SSL"};

    /** The prod profile and every infrastructure setting but the one at {@code index}. */
    private static String[] prodWithout(int index) {
        java.util.List<String> arguments = new java.util.ArrayList<>(java.util.List.of("--spring.profiles.active=prod"));
        for (int i = 0; i < INFRASTRUCTURE.length; i++) {
            if (i != index) {
                arguments.add(INFRASTRUCTURE[i]);
            }
        }
        return arguments.toArray(String[]::new);
    }

    private static String[] with(String[] arguments, String another) {
        String[] longer = java.util.Arrays.copyOf(arguments, arguments.length + 1);
        longer[arguments.length] = another;
        return longer;
    }

    @Configuration(proxyBeanMethods = false)
    static class NothingElse {
    }

    private static ConfigurableApplicationContext run(String... arguments) {
        SpringApplication application = new SpringApplication(NothingElse.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setBannerMode(org.springframework.boot.Banner.Mode.OFF);
        application.setDefaultProperties(java.util.Map.of("spring.config.name", "prod-check-service"));
        return application.run(arguments);
    }

    @Test
    void withoutTheProdProfileTheLocalFallbacksAreUsed() {
        try (ConfigurableApplicationContext context = run()) {
            assertThat(context.getEnvironment().getProperty("spring.datasource.url")).startsWith("jdbc:h2:file:");
        }
    }

    @Test
    void theProdProfileWithoutADatabaseUrlStopsStartUpNamingTheVariable(CapturedOutput output) {
        assertThatThrownBy(() -> run(prodWithout(0)))
                .isInstanceOf(MissingSettingsException.class)
                .hasMessageContaining("PROD_CHECK_DB_URL")
                .hasMessageContaining("spring.datasource.url")
                .hasMessageNotContaining("KAFKA_BOOTSTRAP_SERVERS");
        assertThat(output).contains("APPLICATION FAILED TO START").contains("PROD_CHECK_DB_URL");
    }

    @Test
    void everyMissingVariableIsNamedAtOnce() {
        assertThatThrownBy(() -> run("--spring.profiles.active=prod"))
                .isInstanceOfSatisfying(MissingSettingsException.class, e -> assertThat(e.missing())
                        .extracting(MissingSettingsException.Missing::variable)
                        .containsExactlyInAnyOrder("PROD_CHECK_DB_URL", "PROD_CHECK_DB_USER", "PROD_CHECK_DB_PASSWORD",
                                "KAFKA_BOOTSTRAP_SERVERS", "KAFKA_SECURITY_PROTOCOL", "MAAP_ISSUER_URI", "MAAP_JWK_SET_URI"));
    }

    @Test
    void aBlankVariableCountsAsMissing() {
        assertThatThrownBy(() -> run(with(prodWithout(0), "--PROD_CHECK_DB_URL= ")))
                .isInstanceOf(MissingSettingsException.class).hasMessageContaining("PROD_CHECK_DB_URL");
    }

    @Test
    void theProdProfileStartsWhenEverythingIsGiven() {
        String[] arguments = new String[INFRASTRUCTURE.length + 1];
        arguments[0] = "--spring.profiles.active=prod";
        System.arraycopy(INFRASTRUCTURE, 0, arguments, 1, INFRASTRUCTURE.length);
        try (ConfigurableApplicationContext context = run(arguments)) {
            assertThat(context.getEnvironment().getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://db.example/maap");
        }
    }

    @Test
    void aPropertyGivenDirectlyCountsAsGiven() {
        try (ConfigurableApplicationContext context = run(with(prodWithout(0),
                "--spring.datasource.url=jdbc:postgresql://db.example/maap"))) {
            assertThat(context.isActive()).isTrue();
        }
    }

    @Test
    void theProdProfileWithoutTheDatabasePasswordOrKafkaSecurityNamesThem() {
        assertThatThrownBy(() -> run(prodWithout(5))).isInstanceOf(MissingSettingsException.class)
                .hasMessageContaining("PROD_CHECK_DB_PASSWORD").hasMessageNotContaining("PROD_CHECK_DB_URL");
        assertThatThrownBy(() -> run(prodWithout(6))).isInstanceOf(MissingSettingsException.class)
                .hasMessageContaining("KAFKA_SECURITY_PROTOCOL");
    }

    @Test
    void theFailureAnalysisSaysWhatToSet() {
        FailureAnalysis analysis = new MissingSettingsFailureAnalyzer().analyze(new MissingSettingsException(java.util.List.of(
                new MissingSettingsException.Missing("CASE_RETURN_DB_URL", "spring.datasource.url", "jdbc:h2:file:./x"))));
        assertThat(analysis.getDescription()).contains("CASE_RETURN_DB_URL (spring.datasource.url; the local fallback would be jdbc:h2:file:./x)");
        assertThat(analysis.getAction()).startsWith("Set CASE_RETURN_DB_URL");
    }

    @Test
    void jsonLogsBySwitch() {
        try (ConfigurableApplicationContext context = run("--MAAP_LOG_FORMAT=json")) {
            assertThat(context.getEnvironment().getProperty("logging.structured.format.console")).isEqualTo("ecs");
        }
        try (ConfigurableApplicationContext context = run()) {
            assertThat(context.getEnvironment().getProperty("logging.structured.format.console")).isNull();
        }
    }
}
