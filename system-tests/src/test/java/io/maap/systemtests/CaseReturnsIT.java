package io.maap.systemtests;

import io.maap.events.Topics;
import io.maap.local.MaapServices.Service;
import io.maap.testsupport.CloudEventRecords;
import io.maap.testsupport.TopicReader;
import io.maap.testsupport.api.ApiClient;
import io.maap.testsupport.api.Commission;
import io.maap.testsupport.api.ReturnRequests;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The agencies' side of an audit across the services on the real broker and databases: an audit
 * is commissioned; the police return over REST, is sent back and resubmitted; the health trust
 * returns from its own system over Kafka and acknowledges a safeguarding concern the same way;
 * education makes a nil return; and a request of an older audit is left to go overdue. What
 * case-return-service publishes on maap.case-returns.events.v1 is exactly that, once.
 */
class CaseReturnsIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static ApiClient audits;
    private static ApiClient returns;
    private static String kafka;

    @BeforeAll
    static void startPlatform() {
        audits = TestPlatform.api(Service.AUDIT_PROGRAMME);
        returns = TestPlatform.api(Service.CASE_RETURN);
        kafka = TestPlatform.kafka();
    }

    @Test
    void theEventsOnTheCaseReturnsTopicAreExactlyWhatHappened() {
        String audit = "it-returns-2026";
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        String caseRef = issued(audits.post("/api/audits", commission(audit, today, "met-police", "nelft", "lbr-education")));
        String oldAudit = "it-returns-2017";
        String oldCase = issued(audits.post("/api/audits", commission(oldAudit, LocalDate.of(2017, 7, 3), "barts-health")));
        Map<String, String> requests = ReturnRequests.await(returns, audit, 3);
        String police = requests.get(ReturnRequests.key(caseRef, "met-police"));
        String health = requests.get(ReturnRequests.key(caseRef, "nelft"));
        String education = requests.get(ReturnRequests.key(caseRef, "lbr-education"));
        String late = ReturnRequests.await(returns, oldAudit, oldCase, "barts-health");

        // The police: over REST, sent back once, resubmitted, accepted.
        returns.post("/api/return-requests/" + police + "/acknowledgement",
                "{\"acknowledgedBy\":\"SPOC Met\",\"caseHolder\":\"DC Jones\",\"lineManager\":\"DS Patel\",\"auditor\":\"DI Brown\"}");
        returns.post("/api/return-requests/" + police + "/submissions", submission("Seen once"));
        returns.post("/api/return-requests/" + police + "/send-back",
                "{\"version\":1,\"reasons\":[\"No evidence reference for the home visit\"],\"sentBackBy\":\"QA Coordinator\"}");
        returns.post("/api/return-requests/" + police + "/submissions", submission("Seen alone on 2 May (CRIS/2017/1)"));
        returns.post("/api/return-requests/" + police + "/acceptance", "{\"version\":2,\"acceptedBy\":\"QA Coordinator\"}");

        // The health trust: from its own system over Kafka.
        publish("nelft-1", "maap.agency.return-request-acknowledged.v1", """
                {"auditId":"%s","caseReference":"%s","agency":"nelft","acknowledgedBy":"SPOC NELFT",
                 "caseHolder":"Nurse Adams","lineManager":"Matron Cole","auditor":"Dr Evans"}""".formatted(audit, caseRef));
        publish("nelft-2", "maap.agency.return-submitted.v1", """
                {"auditId":"%s","caseReference":"%s","agency":"nelft","submittedBy":"SPOC NELFT",
                 "answers":[{"questionId":"q1","answer":"No information held","grade":"inadequate"}]}""".formatted(audit, caseRef));
        await().atMost(Duration.ofSeconds(60)).until(() ->
                "AWAITING_QA".equals(returns.getJson("/api/return-requests/" + health).get("status").asString()));
        returns.post("/api/return-requests/" + health + "/safeguarding-concerns",
                "{\"concernId\":\"c-1\",\"raisedBy\":\"Dr Evans\",\"summary\":\"Missing episodes not shared with the police\"}");
        assertThat(urgentConcerns(audit)).hasSize(1);
        publish("nelft-3", "maap.agency.safeguarding-concern-acknowledged.v1", """
                {"auditId":"%s","caseReference":"%s","agency":"nelft","concernId":"c-1","acknowledgedBy":"SPOC NELFT",
                 "response":"Strategy discussion held the same day"}""".formatted(audit, caseRef));
        await().atMost(Duration.ofSeconds(60)).until(() -> urgentConcerns(audit).isEmpty());
        returns.post("/api/return-requests/" + health + "/acceptance", "{\"version\":1,\"acceptedBy\":\"QA Coordinator\"}");

        // Education: no involvement.
        returns.post("/api/return-requests/" + education + "/nil-return", "{\"submittedBy\":\"SPOC Education\"}");

        Map<String, List<String>> expected = Map.of(
                police, List.of("requested", "acknowledged", "auditor-nominated", "submitted", "sent-back", "submitted", "accepted"),
                health, List.of("requested", "acknowledged", "auditor-nominated", "submitted", "safeguarding-concern.raised",
                        "safeguarding-concern.acknowledged", "accepted"),
                education, List.of("requested", "nil-return-submitted"),
                late, List.of("requested", "reminder-sent", "overdue"));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> expected.forEach((id, types) ->
                assertThat(types(id)).as("events of %s", id).isEqualTo(types)));
        // Nothing more comes later: a marker request, of an audit sent out in 2017, is reminded and marked overdue
        // by case-return-service's deadlines at their next polls; once the relay has published its overdue mark,
        // the deadlines due before it have fired and what was stored before it is on the topic.
        String markerAudit = "it-returns-2017-marker";
        String markerCase = issued(audits.post("/api/audits", commission(markerAudit, LocalDate.of(2017, 7, 3), "barts-health")));
        String marker = ReturnRequests.await(returns, markerAudit, markerCase, "barts-health");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(types(marker)).containsExactly("requested", "reminder-sent", "overdue"));
        expected.forEach((id, types) -> assertThat(types(id)).as("events of %s", id).isEqualTo(types));

        List<JsonNode> policeEvents = payloads(police);
        assertThat(policeEvents.get(3).get("channel").asString()).isEqualTo("api");
        assertThat(policeEvents.get(4).get("resubmissionDue").asString()).isNotBlank();
        assertThat(policeEvents.get(5).get("version").asInt()).isEqualTo(2);
        assertThat(policeEvents.get(3).has("answers")).as("answers stay in the service").isFalse();
        assertThat(payloads(health).get(3).get("channel").asString()).isEqualTo("kafka");
        JsonNode overdue = payloads(late).get(2);
        assertThat(overdue.get("dueDate").asString()).isEqualTo("2017-07-24");
        assertThat(overdue.get("overdueFrom").asString()).isEqualTo("2017-07-25");
        assertThat(overdue.get("reminded").asBoolean()).isTrue();

        JsonNode versions = returns.getJson("/api/return-requests/" + police + "/versions");
        assertThat(versions).hasSize(2);
        assertThat(versions.get(0).get("verdict").asString()).isEqualTo("SENT_BACK");
        assertThat(versions.get(0).get("answers").get(0).get("answer").asString()).isEqualTo("Seen once");
        assertThat(versions.get(1).get("verdict").asString()).isEqualTo("ACCEPTED");

        List<String> outcomes = TopicReader.readAll(kafka, Topics.CASE_RETURN_EVENTS).stream()
                .filter(r -> "nelft".equals(r.key())).map(r -> TopicReader.header(r, "ce_type")).toList();
        assertThat(outcomes).containsExactly("maap.agency-submission.accepted.v1", "maap.agency-submission.accepted.v1",
                "maap.agency-submission.accepted.v1");
        // What each agency still has to do (other tests' audits left aside): the overdue request, and nothing of the police.
        assertThat(returns.getList("/api/return-requests?agency=barts-health&auditId=" + oldAudit)).hasSize(1);
        assertThat(returns.getList("/api/return-requests?agency=met-police&auditId=" + audit)).isEmpty();
    }

    private static List<String> types(String requestId) {
        return records(requestId).stream().map(r -> TopicReader.header(r, "ce_type")
                .replaceFirst("^maap\\.case-return\\.", "").replaceFirst("^maap\\.", "").replaceFirst("\\.v1$", "")).toList();
    }

    private static List<JsonNode> payloads(String requestId) {
        return records(requestId).stream().map(r -> JSON.readTree(r.value())).toList();
    }

    private static List<ConsumerRecord<String, byte[]>> records(String requestId) {
        return TopicReader.readAll(kafka, Topics.CASE_RETURN_EVENTS).stream().filter(r -> requestId.equals(r.key())).toList();
    }

    private static void publish(String id, String type, String data) {
        CloudEventRecords.send(kafka, CloudEventRecords.binary(Topics.agencySubmissions("nelft"), "nelft", id,
                "urn:maap:agency:nelft", type, data));
    }

    private static String submission(String answer) {
        return """
                {"submittedBy":"SPOC Met","answers":[{"questionId":"q1","answer":"%s","evidenceReferences":["CRIS/2017/1"],
                 "entries":[{"date":"2017-05-02","entry":"Home visit, child seen alone"}],"grade":"good"}]}""".formatted(answer);
    }

    /** One sampled case, its reference issued by the partnership. */
    private static Commission commission(String auditId, LocalDate toolSentOn, String... agencies) {
        return Commission.audit(auditId).programme("redbridge-2026-27").toolSentOn(toolSentOn).cases(1).agencies(agencies);
    }

    private static String issued(JsonNode commissioned) {
        return Commission.issuedReferences(commissioned).get(0);
    }

    /** NELFT's urgent concerns on this test's audit (other tests share the platform). */
    private static List<JsonNode> urgentConcerns(String auditId) {
        return returns.getList("/api/safeguarding-concerns/urgent?agency=nelft").stream()
                .filter(concern -> auditId.equals(concern.get("auditId").asString())).toList();
    }
}
