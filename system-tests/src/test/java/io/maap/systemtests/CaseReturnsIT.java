package io.maap.local;

import io.maap.casereturn.request.command.RequestReturn;
import io.maap.events.Topics;
import io.maap.local.MaapServices.Service;
import io.maap.testsupport.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
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
    private static MaapServices services;
    private static String kafka;

    @BeforeAll
    static void startPlatform() {
        services = TestPlatform.services();
        kafka = TestPlatform.kafka();
    }

    @Test
    void theEventsOnTheCaseReturnsTopicAreExactlyWhatHappened() throws Exception {
        String audit = "it-returns-2026";
        String caseRef = "RBR-2611-C01";
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        post(Service.AUDIT_PROGRAMME, "/api/audits", commission(audit, today, caseRef,
                List.of("met-police", "nelft", "lbr-education")));
        String oldAudit = "it-returns-2017";
        post(Service.AUDIT_PROGRAMME, "/api/audits", commission(oldAudit, LocalDate.of(2017, 7, 3), "RBR-1707-C09",
                List.of("barts-health")));
        String police = RequestReturn.idFor(audit, caseRef, "met-police");
        String health = RequestReturn.idFor(audit, caseRef, "nelft");
        String education = RequestReturn.idFor(audit, caseRef, "lbr-education");
        String late = RequestReturn.idFor(oldAudit, "RBR-1707-C09", "barts-health");
        await().atMost(Duration.ofSeconds(60)).until(() ->
                get("/api/return-requests?auditId=" + audit).size() == 3 && get("/api/return-requests?auditId=" + oldAudit).size() == 1);

        // The police: over REST, sent back once, resubmitted, accepted.
        post(Service.CASE_RETURN, "/api/return-requests/" + police + "/acknowledgement",
                "{\"acknowledgedBy\":\"SPOC Met\",\"caseHolder\":\"DC Jones\",\"lineManager\":\"DS Patel\",\"auditor\":\"DI Brown\"}");
        post(Service.CASE_RETURN, "/api/return-requests/" + police + "/submissions", submission("Seen once"));
        post(Service.CASE_RETURN, "/api/return-requests/" + police + "/send-back",
                "{\"version\":1,\"reasons\":[\"No evidence reference for the home visit\"],\"sentBackBy\":\"QA Coordinator\"}");
        post(Service.CASE_RETURN, "/api/return-requests/" + police + "/submissions", submission("Seen alone on 2 May (CRIS/2017/1)"));
        post(Service.CASE_RETURN, "/api/return-requests/" + police + "/acceptance", "{\"version\":2,\"acceptedBy\":\"QA Coordinator\"}");

        // The health trust: from its own system over Kafka.
        publish("nelft-1", "maap.agency.return-request-acknowledged.v1", """
                {"auditId":"%s","caseReference":"%s","agency":"nelft","acknowledgedBy":"SPOC NELFT",
                 "caseHolder":"Nurse Adams","lineManager":"Matron Cole","auditor":"Dr Evans"}""".formatted(audit, caseRef));
        publish("nelft-2", "maap.agency.return-submitted.v1", """
                {"auditId":"%s","caseReference":"%s","agency":"nelft","submittedBy":"SPOC NELFT",
                 "answers":[{"questionId":"q1","answer":"No information held","grade":"inadequate"}]}""".formatted(audit, caseRef));
        await().atMost(Duration.ofSeconds(60)).until(() -> "AWAITING_QA".equals(getOne("/api/return-requests/" + health).get("status").asString()));
        post(Service.CASE_RETURN, "/api/return-requests/" + health + "/safeguarding-concerns",
                "{\"concernId\":\"c-1\",\"raisedBy\":\"Dr Evans\",\"summary\":\"Missing episodes not shared with the police\"}");
        assertThat(urgentConcerns(audit)).hasSize(1);
        publish("nelft-3", "maap.agency.safeguarding-concern-acknowledged.v1", """
                {"auditId":"%s","caseReference":"%s","agency":"nelft","concernId":"c-1","acknowledgedBy":"SPOC NELFT",
                 "response":"Strategy discussion held the same day"}""".formatted(audit, caseRef));
        await().atMost(Duration.ofSeconds(60)).until(() -> urgentConcerns(audit).isEmpty());
        post(Service.CASE_RETURN, "/api/return-requests/" + health + "/acceptance", "{\"version\":1,\"acceptedBy\":\"QA Coordinator\"}");

        // Education: no involvement.
        post(Service.CASE_RETURN, "/api/return-requests/" + education + "/nil-return", "{\"submittedBy\":\"SPOC Education\"}");

        Map<String, List<String>> expected = Map.of(
                police, List.of("requested", "acknowledged", "auditor-nominated", "submitted", "sent-back", "submitted", "accepted"),
                health, List.of("requested", "acknowledged", "auditor-nominated", "submitted", "safeguarding-concern.raised",
                        "safeguarding-concern.acknowledged", "accepted"),
                education, List.of("requested", "nil-return-submitted"),
                late, List.of("requested", "reminder-sent", "overdue"));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> expected.forEach((id, types) ->
                assertThat(types(id)).as("events of %s", id).isEqualTo(types)));
        Thread.sleep(3_000); // several deadline polls and relay cycles later, still nothing more
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

        JsonNode versions = JSON.readTree(TestPlatform.client(Service.CASE_RETURN).get()
                .uri("/api/return-requests/" + police + "/versions").retrieve().body(String.class));
        assertThat(versions).hasSize(2);
        assertThat(versions.get(0).get("verdict").asString()).isEqualTo("SENT_BACK");
        assertThat(versions.get(0).get("answers").get(0).get("answer").asString()).isEqualTo("Seen once");
        assertThat(versions.get(1).get("verdict").asString()).isEqualTo("ACCEPTED");

        List<String> outcomes = TopicReader.readAll(kafka, Topics.CASE_RETURN_EVENTS).stream()
                .filter(r -> "nelft".equals(r.key())).map(r -> TopicReader.header(r, "ce_type")).toList();
        assertThat(outcomes).containsExactly("maap.agency-submission.accepted.v1", "maap.agency-submission.accepted.v1",
                "maap.agency-submission.accepted.v1");
        assertThat(get("/api/return-requests?agency=barts-health")).hasSize(1);
        assertThat(get("/api/return-requests?agency=met-police")).isEmpty();
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

    private static void publish(String id, String type, String data) throws Exception {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.agencySubmissions("nelft"), null, "nelft",
                data.getBytes(StandardCharsets.UTF_8));
        record.headers().add(new RecordHeader("ce_id", id.getBytes(StandardCharsets.UTF_8)));
        record.headers().add(new RecordHeader("ce_source", "urn:maap:agency:nelft".getBytes(StandardCharsets.UTF_8)));
        record.headers().add(new RecordHeader("ce_type", type.getBytes(StandardCharsets.UTF_8)));
        record.headers().add(new RecordHeader("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8)));
        record.headers().add(new RecordHeader("content-type", "application/json".getBytes(StandardCharsets.UTF_8)));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(record).get();
        }
    }

    private static String submission(String answer) {
        return """
                {"submittedBy":"SPOC Met","answers":[{"questionId":"q1","answer":"%s","evidenceReferences":["CRIS/2017/1"],
                 "entries":[{"date":"2017-05-02","entry":"Home visit, child seen alone"}],"grade":"good"}]}""".formatted(answer);
    }

    private static String commission(String auditId, LocalDate toolSentOn, String caseRef, List<String> agencies) {
        var body = JSON.createObjectNode()
                .put("auditId", auditId)
                .put("programmeId", "redbridge-2026-27")
                .put("title", "Children who go missing")
                .put("theme", "Children who go missing")
                .put("leadOfficer", "Chair of LSCB Learning and Improvement Sub-Group")
                .put("toolSentOn", toolSentOn.toString());
        body.putArray("questions").addObject().put("questionId", "q1").put("text", "Was the child seen?").put("graded", true);
        body.putArray("cases").addObject().put("caseReference", caseRef).put("caseType", "CHILD_PROTECTION");
        var agencyArray = body.putArray("participatingAgencies");
        agencies.forEach(agencyArray::add);
        return body.toString();
    }

    private static void post(Service service, String path, String body) {
        TestPlatform.client(service).post().uri(path)
                .contentType(MediaType.APPLICATION_JSON).body(body)
                .exchange((request, response) -> {
                    assertThat(response.getStatusCode().is2xxSuccessful())
                            .as("POST %s answered %s: %s", path, response.getStatusCode(),
                                    new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8)).isTrue();
                    return null;
                });
    }

    private static JsonNode getOne(String path) {
        return JSON.readTree(TestPlatform.client(Service.CASE_RETURN).get().uri(path).retrieve().body(String.class));
    }

    /** NELFT's urgent concerns on this test's audit (other tests share the platform). */
    private static List<JsonNode> urgentConcerns(String auditId) {
        return get("/api/safeguarding-concerns/urgent?agency=nelft").stream()
                .filter(concern -> auditId.equals(concern.get("auditId").asString())).toList();
    }

    private static List<JsonNode> get(String path) {
        JsonNode array = getOne(path);
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).toList();
    }
}
