package io.maap.local;

import io.maap.local.MaapServices.Service;
import io.maap.local.identity.LocalIdentityProvider;
import io.maap.support.calendar.WorkingDayCalendar;
import io.maap.testsupport.TestInfrastructure;
import io.maap.testsupport.TestTokens;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import io.maap.testsupport.TestInfrastructure.Database;

import org.awaitility.Awaitility;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;

/**
 * The four services and the web dashboard on the test infrastructure, started once for every
 * cross-service test class in this JVM (on fresh databases) and stopped when the JVM exits.
 * Tests keep to their own ids.
 */
public final class TestPlatform {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static MaapServices services;
    private static ConfigurableApplicationContext identity;
    private static boolean demoDataLoaded;

    private TestPlatform() {
    }

    public static synchronized MaapServices services() {
        if (services == null) {
            Map<Service, Map<String, String>> perService = new EnumMap<>(Service.class);
            perService.put(Service.AUDIT_PROGRAMME, datasource(TestInfrastructure.newPostgresDatabase("maap_audit_programme")));
            perService.put(Service.CASE_RETURN, datasource(TestInfrastructure.newPostgresDatabase("maap_case_return")));
            perService.put(Service.ACTION_PLAN, datasource(TestInfrastructure.newPostgresDatabase("maap_action_plan")));
            perService.put(Service.REPORTING, Map.of("spring.mongodb.uri", TestInfrastructure.newMongoUri("maap_reporting"),
                    "maap.reporting.board-feed-interval", "500ms"));
            // The real local provider, issuing with the test key, so that both its tokens and TestTokens' are good.
            // The dashboard's port is chosen first: the provider must know where to send people back.
            int dashboardPort = freePort();
            identity = LocalIdentityProvider.start(TestTokens.key(), TestTokens.ISSUER, 0, "http://localhost:" + dashboardPort);
            perService.put(Service.DASHBOARD, Map.of("maap.dashboard.refresh-interval", "1s",
                    "server.port", Integer.toString(dashboardPort), "maap.dashboard.issuer-url", identityUrl()));
            MaapServices started = MaapServices.start(Map.of(
                    "spring.cloud.stream.kafka.binder.brokers", kafka(),
                    "server.port", "0",
                    "maap.deadlines.polling-interval", "1s",
                    "maap.security.issuer", TestTokens.ISSUER,
                    "maap.security.jwk-set-uri", identityUrl() + "/oauth2/jwks"), perService);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                started.close();
                identity.close();
            }, "stop-test-platform"));
            services = started;
        }
        return services;
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static String identityUrl() {
        return "http://localhost:" + identity.getEnvironment().getRequiredProperty("local.server.port");
    }

    /** The QA coordinator's client for a service (the person most flows act as). */
    public static RestClient client(Service service) {
        return client(service, TestTokens.qaCoordinator());
    }

    /** A client for a service acting with the given token. */
    public static RestClient client(Service service, String token) {
        return RestClient.builder().baseUrl(services().baseUrl(service))
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token).build();
    }

    /** As the QA coordinator. */
    static Api qa() {
        return new Api(TestTokens.qaCoordinator());
    }

    /**
     * The local run's demo data (Redbridge 2017-18 with its findings and plans, and the current
     * programme with returns in every state), loaded once per JVM; loading is idempotent.
     */
    public static synchronized MaapServices withDemoData() {
        MaapServices started = services();
        if (!demoDataLoaded) {
            DemoData.load(qa(), started.baseUrl(Service.AUDIT_PROGRAMME), started.baseUrl(Service.ACTION_PLAN));
            CurrentYearDemoData.load(qa(), started.baseUrl(Service.AUDIT_PROGRAMME), started.baseUrl(Service.CASE_RETURN),
                    WorkingDayCalendar.englandAndWales(), LocalDate.now(ZoneId.of("Europe/London")));
            demoDataLoaded = true;
        }
        return started;
    }

    /**
     * Waits until every outstanding return whose reminder date has come shows its reminder: for
     * past dates the reminders fire at once, and a snapshot taken while they land is not stable.
     */
    public static void awaitRemindersDue() {
        LocalDate today = LocalDate.now();
        RestClient reporting = client(Service.REPORTING);
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
            JsonNode items = JSON.readTree(reporting.get().uri("/api/outstanding-returns?size=500").retrieve().body(String.class))
                    .get("items");
            for (JsonNode item : items) {
                if (!LocalDate.parse(item.get("reminderDate").asString()).isAfter(today) && !item.get("reminded").asBoolean()) {
                    return false;
                }
            }
            return true;
        });
    }

    public static String kafka() {
        return TestInfrastructure.kafkaBootstrapServers();
    }

    private static Map<String, String> datasource(Database database) {
        return Map.of("spring.datasource.url", database.jdbcUrl(),
                "spring.datasource.username", database.username(),
                "spring.datasource.password", database.password());
    }
}
