package io.maap.systemtests;

import io.maap.events.Topics;
import io.maap.local.MaapServices.Service;
import io.maap.testsupport.TopicReader;
import io.maap.testsupport.api.ApiClient;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Retention by crypto-shredding (ADR 0016): an audit's answers, concern summary, send-back reason
 * and staff names are encrypted in case-return-service's event store and on the case-returns
 * topic, and readable where they should be (case-return's views, reporting's concerns view). Once
 * the QA coordinator shreds the audit, the events stay where they were, unreadable; every read
 * model, reporting's after a rebuild too, shows the text as removed, while figures, grades and
 * dates stay as they were.
 */
class RetentionIT {

    private static final String REMOVED = "[removed under the retention policy]";
    private static final String AUDIT = "it-retention-missing";
    private static final String ANSWER = "Seen at 12 Acacia Road with her brother Quentin";
    private static final String REASON = "Say what Dr Zebedee advised";
    private static final String SUMMARY = "Quentin left alone overnight at 12 Acacia Road";
    private static final String AUDITOR = "DI Xanthippe Brown";
    private static final List<String> SECRETS = List.of(ANSWER, REASON, SUMMARY, AUDITOR, "Acacia", "Quentin", "Zebedee", "Xanthippe");

    private static ApiClient audits;
    private static ApiClient caseReturns;
    private static ApiClient reporting;

    @BeforeAll
    static void startPlatform() {
        audits = TestPlatform.api(Service.AUDIT_PROGRAMME);
        caseReturns = TestPlatform.api(Service.CASE_RETURN);
        reporting = TestPlatform.api(Service.REPORTING);
    }

    @Test
    void aShreddedAuditIsUnreadableEverywhereAndItsFiguresRemain() throws Exception {
        audits.post("/api/audits", """
                {"auditId": "%s", "programmeId": "it-retention-2026-27", "title": "Children who go missing",
                 "theme": "Children who go missing", "leadOfficer": "QA Sub-Group", "toolSentOn": "%s",
                 "questions": [{"questionId": "q1", "text": "Was the child seen and heard?", "graded": true}],
                 "cases": [{"caseType": "LOOKED_AFTER"}],
                 "participatingAgencies": ["met-police"]}
                """.formatted(AUDIT, LocalDate.now(ZoneId.of("Europe/London"))));
        String request = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> caseReturns.getJson("/api/return-requests?auditId=" + AUDIT), r -> r.size() == 1)
                .get(0).get("returnRequestId").asString();
        caseReturns.post("/api/return-requests/" + request + "/acknowledgement", """
                {"acknowledgedBy": "Police SPOC", "caseHolder": "DC Holder", "lineManager": "DS Manager", "auditor": "%s"}
                """.formatted(AUDITOR));
        caseReturns.post("/api/return-requests/" + request + "/submissions", """
                {"submittedBy": "Police SPOC", "answers": [{"questionId": "q1", "answer": "%s",
                 "evidenceReferences": ["NICHE-123"], "grade": "good"}]}
                """.formatted(ANSWER));
        caseReturns.post("/api/return-requests/" + request + "/send-back", """
                {"version": 1, "reasons": ["%s"], "sentBackBy": "QA coordinator"}
                """.formatted(REASON));
        caseReturns.post("/api/return-requests/" + request + "/safeguarding-concerns", """
                {"raisedBy": "%s", "summary": "%s"}
                """.formatted(AUDITOR, SUMMARY));

        // Readable where it should be: reporting decrypts with the audit's key from maap.audit-keys.v1.
        JsonNode concern = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> reporting.getJson("/api/safeguarding-concerns?auditId=" + AUDIT).get("items"), c -> c.size() == 1)
                .get(0);
        assertThat(concern.get("summary").asString()).isEqualTo(SUMMARY);
        assertThat(concern.get("raisedBy").asString()).isEqualTo(AUDITOR);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> reporting.getJson("/api/scorecard?auditId=" + AUDIT),
                        s -> s.get("figures").get("returns").get("sentBack").asInt() == 1);
        JsonNode scorecard = reporting.getJson("/api/scorecard?auditId=" + AUDIT);
        assertThat(caseReturns.getJson("/api/return-requests/" + request + "/versions").get(0)
                .get("answers").get(0).get("answer").asString()).isEqualTo(ANSWER);

        // Encrypted in the event store and on the topic, before and after.
        assertThat(eventStore(request)).isNotEmpty().allSatisfy(payload -> assertThat(payload).doesNotContain(SECRETS));
        assertThat(eventStore(request)).anySatisfy(payload -> assertThat(payload).contains("maap-sealed:v1:" + AUDIT + ":"));
        assertThat(topic(request)).isNotEmpty().allSatisfy(payload -> assertThat(payload).doesNotContain(SECRETS));
        assertThat(topic(request)).anySatisfy(payload -> assertThat(payload).contains("maap-sealed:v1:" + AUDIT + ":"));

        JsonNode shredding = caseReturns.post("/api/retention/audits/" + AUDIT + "/shredding",
                "{\"confirmAuditId\": \"" + AUDIT + "\"}");
        assertThat(shredding.get("shreddedBy").asString()).isEqualTo("qa.coordinator");
        assertThat(caseReturns.getJson("/api/retention/audits/" + AUDIT + "/shredding").get("reason").asString())
                .isEqualTo("qa-coordinator");

        // The events are still there, as they were: unreadable now that the key is gone.
        assertThat(eventStore(request)).anySatisfy(payload -> assertThat(payload).contains("maap-sealed:v1:" + AUDIT + ":"))
                .allSatisfy(payload -> assertThat(payload).doesNotContain(SECRETS));
        assertThat(topic(request)).anySatisfy(payload -> assertThat(payload).contains("maap-sealed:v1:" + AUDIT + ":"))
                .allSatisfy(payload -> assertThat(payload).doesNotContain(SECRETS));
        List<ConsumerRecord<String, byte[]>> keys = TopicReader.readAll(TestPlatform.kafka(), Topics.AUDIT_KEYS).stream()
                .filter(r -> AUDIT.equals(r.key())).toList();
        assertThat(keys).isNotEmpty();
        assertThat(keys.get(keys.size() - 1).value()).as("the audit's key is a tombstone").isNull();

        // case-return-service's read models: the text is removed, the grade, dates and verdict stay.
        JsonNode version = caseReturns.getJson("/api/return-requests/" + request + "/versions").get(0);
        assertThat(version.get("answers").get(0).get("answer").asString()).isEqualTo(REMOVED);
        assertThat(version.get("answers").get(0).get("grade").asString()).isEqualTo("good");
        assertThat(version.get("sentBackReasons").asString()).isEqualTo(REMOVED);
        assertThat(version.get("verdict").asString()).isEqualTo("SENT_BACK");
        assertThat(version.get("submittedOn").asString()).isNotBlank();
        JsonNode concernThere = caseReturns.getJson("/api/return-requests/" + request + "/safeguarding-concerns").get(0);
        assertThat(concernThere.get("summary").asString()).isEqualTo(REMOVED);
        assertThat(caseReturns.getText("/api/return-requests/" + request)).doesNotContain(SECRETS);

        // A second instance may use the key from its cache for up to maap.crypto.key-cache-max-age and
        // write text into the views meanwhile (as here, by hand): the views are scrubbed once more after that.
        update("UPDATE return_request_view SET auditor = ? WHERE return_request_id = ?", AUDITOR, request);
        assertThat(caseReturns.getText("/api/return-requests/" + request)).contains(AUDITOR);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() ->
                caseReturns.getJson("/api/return-requests/" + request).get("auditor").asString(), REMOVED::equals);

        // reporting-service's live read models lose the text too, once its key ring reads the tombstone.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() ->
                reporting.getJson("/api/safeguarding-concerns?auditId=" + AUDIT).get("items").get(0).get("summary").asString(),
                REMOVED::equals);
        assertThat(reporting.getText("/api/safeguarding-concerns?auditId=" + AUDIT)).doesNotContain(SECRETS);

        // reporting-service rebuilt from the topics: the text is removed, the figures are the same.
        reporting.post("/api/rebuilds", null);
        await().atMost(Duration.ofSeconds(60)).until(() ->
                reporting.getJson("/api/rebuilds/current").get("state").asString().equals("COMPLETED"));
        JsonNode rebuilt = reporting.getJson("/api/safeguarding-concerns?auditId=" + AUDIT).get("items").get(0);
        assertThat(rebuilt.get("summary").asString()).isEqualTo(REMOVED);
        assertThat(rebuilt.get("raisedBy").asString()).isEqualTo(REMOVED);
        assertThat(rebuilt.get("raisedAt").asString()).isEqualTo(concern.get("raisedAt").asString());
        assertThat(reporting.getJson("/api/scorecard?auditId=" + AUDIT).get("figures"))
                .isEqualTo(scorecard.get("figures"));
        assertThat(reporting.getText("/api/outstanding-returns?auditId=" + AUDIT)).doesNotContain(SECRETS);
    }

    /** The stored payloads of the request's events in case-return-service's own database. */
    private static List<String> eventStore(String request) throws Exception {
        Environment environment = TestPlatform.services().context(Service.CASE_RETURN).getEnvironment();
        List<String> payloads = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(environment.getRequiredProperty("spring.datasource.url"),
                environment.getProperty("spring.datasource.username"), environment.getProperty("spring.datasource.password"));
             var statement = connection.prepareStatement(
                     "SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number")) {
            statement.setString(1, request);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    payloads.add(new String(rows.getBytes(1), StandardCharsets.UTF_8));
                }
            }
        }
        return payloads;
    }

    private static void update(String sql, Object... parameters) throws Exception {
        Environment environment = TestPlatform.services().context(Service.CASE_RETURN).getEnvironment();
        try (Connection connection = DriverManager.getConnection(environment.getRequiredProperty("spring.datasource.url"),
                environment.getProperty("spring.datasource.username"), environment.getProperty("spring.datasource.password"));
             var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            assertThat(statement.executeUpdate()).isEqualTo(1);
        }
    }

    private static List<String> topic(String request) {
        return TopicReader.readAll(TestPlatform.kafka(), Topics.CASE_RETURN_EVENTS).stream()
                .filter(r -> request.equals(r.key()))
                .map(r -> new String(r.value(), StandardCharsets.UTF_8)).toList();
    }
}
