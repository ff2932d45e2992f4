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
            "--MAAP_JWK_SET_URI=https://login.example/realms/maap/protocol/openid-connect/certs"};

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
        String[] arguments = {"--spring.profiles.active=prod", INFRASTRUCTURE[1], INFRASTRUCTURE[2], INFRASTRUCTURE[3]};
        assertThatThrownBy(() -> run(arguments))
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
                        .containsExactlyInAnyOrder("PROD_CHECK_DB_URL", "KAFKA_BOOTSTRAP_SERVERS", "MAAP_ISSUER_URI",
                                "MAAP_JWK_SET_URI"));
    }

    @Test
    void aBlankVariableCountsAsMissing() {
        assertThatThrownBy(() -> run("--spring.profiles.active=prod", "--PROD_CHECK_DB_URL= ", INFRASTRUCTURE[1],
                INFRASTRUCTURE[2], INFRASTRUCTURE[3]))
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
        try (ConfigurableApplicationContext context = run("--spring.profiles.active=prod",
                "--spring.datasource.url=jdbc:postgresql://db.example/maap", INFRASTRUCTURE[1], INFRASTRUCTURE[2],
                INFRASTRUCTURE[3])) {
            assertThat(context.isActive()).isTrue();
        }
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
