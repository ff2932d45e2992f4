package io.maap.auditprogramme;

import io.maap.events.Topics;
import io.maap.testsupport.TestInfrastructure;
import io.maap.testsupport.TestTokens;
import io.maap.testsupport.TopicReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of audit-programme-service on one event store and one broker, taking turns on one
 * audit (as behind a load balancer, the aggregate cache off as compose runs it). Each event's
 * global index must follow the order the events were committed in: the relay publishes in index
 * order, and readers apply an aggregate's events in their order, dropping any that comes after a
 * later one. With the index handed out in blocks of 50 per instance, the second instance's events
 * took numbers above the first's later ones (ADR 0018).
 */
class TwoInstancesIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PROGRAMME = "it-two-instances-2017-18";
    private static final String AUDIT = "it-two-instances-neglect";
    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;
    private static JdbcTemplate eventStore;
    private static String kafka;

    @BeforeAll
    static void start() {
        kafka = TestInfrastructure.kafkaBootstrapServers();
        TestInfrastructure.Database db = TestInfrastructure.newPostgresDatabase("maap_two_instances_it");
        first = instance(db);
        second = instance(db);
        eventStore = new JdbcTemplate(new DriverManagerDataSource(db.jdbcUrl(), db.username(), db.password()));
    }

    private static ConfigurableApplicationContext instance(TestInfrastructure.Database db) {
        return AuditProgrammeApplication.builder().run(TestTokens.trusted(
                "--spring.datasource.url=" + db.jdbcUrl(),
                "--spring.datasource.username=" + db.username(),
                "--spring.datasource.password=" + db.password(),
                "--spring.cloud.stream.kafka.binder.brokers=" + kafka,
                "--maap.aggregate-cache.enabled=false",
                "--server.port=0"));
    }

    @AfterAll
    static void stop() {
        for (ConfigurableApplicationContext app : new ConfigurableApplicationContext[] {first, second}) {
            if (app != null) {
                app.close();
            }
        }
    }

    @Test
    void anAuditsEventsKeepTheirOrderInTheStoreAndOnTheTopicWhenTwoInstancesTakeTurns() {
        post(first, "/api/programmes", JSON.createObjectNode().put("programmeId", PROGRAMME).put("partnership", "Redbridge LSCB")
                .put("title", "Two instances").put("periodStart", "2017-04-01").put("periodEnd", "2018-03-31")
                .put("agreedOn", "2017-03-22").put("agreedBy", "LSCB Executive"), 201);
        ObjectNode commission = JSON.createObjectNode().put("auditId", AUDIT).put("programmeId", PROGRAMME)
                .put("title", "Neglect").put("theme", "Neglect").put("leadOfficer", "QA Coordinator").put("toolSentOn", "2017-07-03");
        commission.putObject("deadlineOverride").put("returnDeadline", "2017-08-07").put("decidedBy", "LSCB Executive")
                .put("reason", "Set in the programme");
        commission.putArray("questions").addObject().put("questionId", "q1").put("text", "Was the child seen?").put("graded", true);
        commission.putArray("cases").addObject().put("caseType", "CHILD_PROTECTION");
        commission.putArray("participatingAgencies").add("met-police");
        post(first, "/api/audits", commission, 201);
        post(second, "/api/audits/" + AUDIT + "/returns-closed",
                JSON.createObjectNode().put("finalSubmissionOn", "2017-08-07").put("closedBy", "QA Coordinator"), 200);
        post(first, "/api/audits/" + AUDIT + "/analysed", step("2017-08-14"), 200);
        post(second, "/api/audits/" + AUDIT + "/challenge-day-held", JSON.createObjectNode().put("heldOn", "2017-08-22")
                .put("chair", "Independent chair").put("agendaSentOn", "2017-08-18"), 200);
        post(first, "/api/audits/" + AUDIT + "/report-drafted", step("2017-09-05"), 200);

        List<Long> indexBySequence = eventStore.queryForList("SELECT global_index FROM domain_event_entry "
                + "WHERE aggregate_identifier = ? ORDER BY sequence_number", Long.class, AUDIT);
        assertThat(indexBySequence).as("the global index of each event, in the audit's order").hasSize(5).isSorted();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(TopicReader.readAll(kafka, Topics.AUDIT_PROGRAMME_EVENTS)
                .stream().filter(r -> AUDIT.equals(r.key())).map(r -> TopicReader.header(r, "ce_type")).distinct().toList())
                .containsExactly("maap.audit.commissioned.v1", "maap.audit.returns-closed.v1", "maap.audit.analysed.v1",
                        "maap.audit.challenge-day-held.v1", "maap.audit.report-drafted.v1"));
    }

    private static ObjectNode step(String on) {
        return JSON.createObjectNode().put("on", on).put("by", "QA Sub-Group");
    }

    private static void post(ConfigurableApplicationContext instance, String path, ObjectNode body, int expectedStatus) {
        RestClient client = RestClient.builder()
                .baseUrl("http://localhost:" + instance.getEnvironment().getRequiredProperty("local.server.port"))
                .defaultHeader("Authorization", "Bearer " + TestTokens.qaCoordinator()).build();
        client.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body.toString()).exchange((request, response) -> {
            assertThat(response.getStatusCode().value()).as("POST %s: %s", path, new String(response.getBody().readAllBytes()))
                    .isEqualTo(expectedStatus);
            return null;
        });
    }
}
