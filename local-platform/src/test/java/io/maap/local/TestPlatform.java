package io.maap.local;

import io.maap.local.MaapServices.Service;
import io.maap.testsupport.TestInfrastructure;
import io.maap.testsupport.TestInfrastructure.Database;

import org.awaitility.Awaitility;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

/**
 * The four services on the test infrastructure, started once for every cross-service test class
 * in this JVM (on fresh databases) and stopped when the JVM exits. Tests keep to their own ids.
 */
final class TestPlatform {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static MaapServices services;

    private TestPlatform() {
    }

    static synchronized MaapServices services() {
        if (services == null) {
            Map<Service, Map<String, String>> perService = new EnumMap<>(Service.class);
            perService.put(Service.AUDIT_PROGRAMME, datasource(TestInfrastructure.newPostgresDatabase("maap_audit_programme")));
            perService.put(Service.CASE_RETURN, datasource(TestInfrastructure.newPostgresDatabase("maap_case_return")));
            perService.put(Service.ACTION_PLAN, datasource(TestInfrastructure.newPostgresDatabase("maap_action_plan")));
            perService.put(Service.REPORTING, Map.of("spring.mongodb.uri", TestInfrastructure.newMongoUri("maap_reporting"),
                    "maap.reporting.board-feed-interval", "500ms"));
            MaapServices started = MaapServices.start(Map.of(
                    "spring.cloud.stream.kafka.binder.brokers", kafka(),
                    "server.port", "0",
                    "maap.deadlines.polling-interval", "1s"), perService);
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "stop-test-platform"));
            services = started;
        }
        return services;
    }

    /**
     * Waits until every outstanding return whose reminder date has come shows its reminder: for
     * past dates the reminders fire at once, and a snapshot taken while they land is not stable.
     */
    static void awaitRemindersDue() {
        LocalDate today = LocalDate.now();
        RestClient reporting = RestClient.create(services().baseUrl(Service.REPORTING));
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

    static String kafka() {
        return TestInfrastructure.kafkaBootstrapServers();
    }

    private static Map<String, String> datasource(Database database) {
        return Map.of("spring.datasource.url", database.jdbcUrl(),
                "spring.datasource.username", database.username(),
                "spring.datasource.password", database.password());
    }
}
