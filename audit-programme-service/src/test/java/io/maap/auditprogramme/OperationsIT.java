package io.maap.auditprogramme;

import io.maap.testsupport.TestInfrastructure;
import io.maap.testsupport.TestTokens;
import jakarta.persistence.EntityManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.RestClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What an operator sees of audit-programme-service (docs/operations.md): the Prometheus scrape,
 * behind its own token, with command and event processor metrics after a command; readiness that
 * follows the database; the event store in the database transaction the service's JPA has open.
 */
class OperationsIT {

    private static final String SCRAPE_TOKEN = "scrape-secret";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static ConfigurableApplicationContext app;
    private static TestInfrastructure.Database db;
    private static String base;

    @BeforeAll
    static void start() {
        db = TestInfrastructure.newPostgresDatabase("maap_audit_programme_ops");
        app = AuditProgrammeApplication.builder().run(TestTokens.trusted(
                "--spring.datasource.url=" + db.jdbcUrl(),
                "--spring.datasource.username=" + db.username(),
                "--spring.datasource.password=" + db.password(),
                "--spring.datasource.hikari.connection-timeout=2000",
                "--spring.cloud.stream.kafka.binder.brokers=" + TestInfrastructure.kafkaBootstrapServers(),
                "--maap.metrics.token=" + SCRAPE_TOKEN,
                "--maap.metrics.processor-lag-interval=500ms",
                "--server.port=0"));
        base = "http://localhost:" + app.getEnvironment().getRequiredProperty("local.server.port");
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void prometheusServesCommandAndProcessorMetricsAfterACommand() {
        RestClient.create(base).post().uri("/api/programmes")
                .header("Authorization", "Bearer " + TestTokens.qaCoordinator())
                .contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"programmeId": "ops-2017-18", "partnership": "Redbridge LSCB", "title": "Operations",
                         "periodStart": "2017-04-01", "periodEnd": "2018-03-31", "agreedOn": "2017-03-22",
                         "agreedBy": "LSCB Executive"}""")
                .retrieve().toBodilessEntity();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String scrape = get("/actuator/prometheus", SCRAPE_TOKEN).body();
            assertThat(scrape)
                    .containsPattern("(?m)^commandBus_successTimer_seconds_count\\{.*payloadType=\"AgreeProgramme\".*} 1$")
                    .containsPattern("(?m)^maap_event_processor_lag_events\\{.*processor=\"kafka-relay\",segment=\"0\"} 0\\.0")
                    .containsPattern("(?m)^eventProcessor_latency\\{.*processorName=\"kafka-relay\"")
                    .contains("application=\"audit-programme-service\"")
                    .contains("jvm_memory_used_bytes");
        });
    }

    @Test
    void theScrapeNeedsTheMetricsTokenAndNoOtherBearer() throws Exception {
        assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/prometheus", "wrong").statusCode()).isEqualTo(401);
        assertThat(get("/actuator/prometheus", TestTokens.qaCoordinator()).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/prometheus", SCRAPE_TOKEN).statusCode()).isEqualTo(200);
        // and the metrics token is no key to the API
        assertThat(get("/api/programmes/ops-2017-18", SCRAPE_TOKEN).statusCode()).isEqualTo(401);
    }

    @Test
    void readinessFollowsTheDatabase() throws Exception {
        assertThat(get("/actuator/health/readiness", null).statusCode()).isEqualTo(200);
        String database = db.jdbcUrl().replaceFirst(".*/([^/?]+).*", "$1");
        String admin = db.jdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/postgres$1");
        try {
            sql(admin, "ALTER DATABASE " + database + " ALLOW_CONNECTIONS false",
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database + "'");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(get("/actuator/health/readiness", null).statusCode()).isEqualTo(503));
            assertThat(get("/actuator/health/liveness", null).statusCode()).isEqualTo(200);
        } finally {
            sql(admin, "ALTER DATABASE " + database + " ALLOW_CONNECTIONS true");
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(get("/actuator/health/readiness", null).statusCode()).isEqualTo(200));
    }

    private static HttpResponse<String> get(String path, String bearer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void sql(String url, String... statements) throws Exception {
        try (Connection connection = DriverManager.getConnection(url, db.username(), db.password());
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    /**
     * The event store (ADR 0025): Axon's JDBC engine, whose statements run in the transaction JPA
     * has open, so an event appended there is seen by the transaction's own JPA queries before the
     * commit and is gone with a rollback, as the query views written beside it are.
     */
    @Test
    void eventsAreAppendedInTheTransactionJpaHasOpen() {
        EventStorageEngine engine = app.getBean(EventStorageEngine.class);
        EntityManager entities = app.getBean(EntityManager.class);
        TransactionTemplate transaction = new TransactionTemplate(app.getBean(PlatformTransactionManager.class));
        assertThat(engine).isInstanceOf(JdbcEventStorageEngine.class);

        String kept = "probe-" + UUID.randomUUID();
        Long seenInside = transaction.execute(status -> {
            engine.appendEvents(new GenericDomainEventMessage<>("Probe", kept, 0, "kept"));
            return count(entities, kept);
        });
        String undone = "probe-" + UUID.randomUUID();
        Long seenBeforeRollback = transaction.execute(status -> {
            engine.appendEvents(new GenericDomainEventMessage<>("Probe", undone, 0, "undone"));
            long seen = count(entities, undone);
            status.setRollbackOnly();
            return seen;
        });

        assertThat(seenInside).isEqualTo(1);
        assertThat(seenBeforeRollback).isEqualTo(1);
        Long keptAfter = transaction.execute(status -> count(entities, kept));
        Long undoneAfter = transaction.execute(status -> count(entities, undone));
        assertThat(keptAfter).isEqualTo(1);
        assertThat(undoneAfter).isZero();
        assertThat(engine.readEvents(kept).asStream().map(event -> (Object) event.getPayload())).containsExactly("kept");
    }

    /** Through JPA's own connection: a statement on another connection would not see the uncommitted row. */
    private static long count(EntityManager entities, String aggregate) {
        return ((Number) entities.createNativeQuery("select count(*) from domain_event_entry where aggregate_identifier = ?1")
                .setParameter(1, aggregate).getSingleResult()).longValue();
    }
}
