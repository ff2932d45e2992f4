package io.maap.local;

import io.maap.events.Topics;
import io.maap.local.MaapServices.Service;
import io.maap.testsupport.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The walking skeleton across all four services on the real broker and databases: an audit
 * commissioned over REST becomes one outstanding return per case and agency in reporting-service.
 */
class WalkingSkeletonIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static MaapServices services;
    private static String kafka;

    @BeforeAll
    static void startPlatform() {
        services = TestPlatform.services();
        kafka = TestPlatform.kafka();
    }

    @Test
    void aCommissionedAuditBecomesOneOutstandingReturnPerCaseAndAgency() {
        String auditId = "it-missing-2017";
        post(Service.AUDIT_PROGRAMME, "/api/audits", commission(auditId, List.of("RBR-1707-M01", "RBR-1707-M02"),
                List.of("met-police", "nelft", "lbr-childrens-social-care")), 201);

        JsonNode outstanding = awaitOutstanding(auditId, 6);
        Set<String> pairs = stream(outstanding.get("items"))
                .map(item -> item.get("caseReference").asString() + "/" + item.get("agency").asString())
                .collect(Collectors.toSet());
        assertThat(pairs).hasSize(6).contains("RBR-1707-M01/met-police", "RBR-1707-M02/lbr-childrens-social-care");
        JsonNode first = outstanding.get("items").get(0);
        assertThat(first.get("dueDate").asString()).isEqualTo("2017-07-24");
        assertThat(first.get("reminderDate").asString()).isEqualTo("2017-07-17");
        assertThat(first.get("auditTitle").asString()).isEqualTo("Children who go missing");
        assertThat(first.get("workingDaysLate").asInt()).isPositive();

        ConsumerRecord<String, byte[]> commissioned = auditRecords(auditId).get(0);
        assertThat(commissioned.key()).isEqualTo(auditId);
        assertThat(TopicReader.header(commissioned, "ce_type")).isEqualTo("maap.audit.commissioned.v1");
        assertThat(TopicReader.header(commissioned, "ce_specversion")).isEqualTo("1.0");
        assertThat(TopicReader.header(commissioned, "ce_source")).isEqualTo("urn:maap:audit-programme-service");
        assertThat(TopicReader.header(commissioned, "ce_subject")).isEqualTo(auditId);
        assertThat(TopicReader.header(commissioned, "ce_id")).isNotBlank();

        List<ConsumerRecord<String, byte[]>> requested = returnRecords(auditId);
        assertThat(requested).hasSize(6)
                .allSatisfy(r -> assertThat(TopicReader.header(r, "ce_type")).isEqualTo("maap.case-return.requested.v1"));

        EventStore actionPlanEvents = services.context(Service.ACTION_PLAN).getBean(EventStore.class);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(actionPlanEvents.readEvents(auditId).asStream().toList()).isNotEmpty());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<ConsumerRecord<String, byte[]>> feed = TopicReader.readAll(kafka, Topics.BOARD_SCORECARD).stream()
                    .filter(r -> "redbridge-2017-18".equals(r.key())).toList();
            assertThat(feed).isNotEmpty();
            ConsumerRecord<String, byte[]> latest = feed.get(feed.size() - 1);
            assertThat(TopicReader.header(latest, "ce_type")).isEqualTo("maap.board-scorecard.updated.v1");
            assertThat(JSON.readTree(latest.value()).get("programme").get("returns").get("expected").asInt()).isGreaterThanOrEqualTo(6);
        });
    }

    @Test
    void consumingTheSameCommissioningTwiceCreatesNothingTwice() throws Exception {
        String auditId = "it-neglect-2017";
        post(Service.AUDIT_PROGRAMME, "/api/audits", commission(auditId, List.of("RBR-1704-N01"),
                List.of("met-police", "nelft")), 201);
        awaitOutstanding(auditId, 2);
        await().atMost(Duration.ofSeconds(30)).until(() -> returnRecords(auditId).size() == 2);

        ConsumerRecord<String, byte[]> original = auditRecords(auditId).get(0);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.AUDIT_PROGRAMME_EVENTS, null, original.key(), original.value(),
                    original.headers())).get();
        }
        // A later audit, behind the duplicate on the same topic, proves the duplicate was consumed.
        String laterAuditId = "it-later-2017";
        post(Service.AUDIT_PROGRAMME, "/api/audits", commission(laterAuditId, List.of("RBR-1709-E01"),
                List.of("met-police")), 201);
        awaitOutstanding(laterAuditId, 1);
        EventStore actionPlanEvents = services.context(Service.ACTION_PLAN).getBean(EventStore.class);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(actionPlanEvents.readEvents(laterAuditId).asStream().toList()).hasSize(1));

        assertThat(returnRecords(auditId)).hasSize(2);
        assertThat(getJson(Service.REPORTING, "/api/outstanding-returns?auditId=" + auditId).get("total").asInt()).isEqualTo(2);
        assertThat(actionPlanEvents.readEvents(auditId).asStream().toList()).hasSize(1);
    }

    @Test
    void retryingTheSameCommissionRequestChangesNothing() {
        String auditId = "it-esafety-2017";
        String body = commission(auditId, List.of("RBR-1709-S01"), List.of("nelft"));
        post(Service.AUDIT_PROGRAMME, "/api/audits", body, 201);
        post(Service.AUDIT_PROGRAMME, "/api/audits", body, 201);
        awaitOutstanding(auditId, 1);
        assertThat(auditRecords(auditId)).hasSize(1);
    }

    @Test
    void anInvalidCommissionIsRefusedWithAProblemDetailNamingTheField() {
        String body = commission("it-bad", List.of("Jane Smith"), List.of("met-police"));
        JsonNode problem = post(Service.AUDIT_PROGRAMME, "/api/audits", body, 400);
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("cases[0].caseReference");
    }

    @Test
    void anUnreadableEventGoesToTheDeadLetterTopicWithItsReason() throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.AUDIT_PROGRAMME_EVENTS, "poison",
                    "{not json".getBytes(StandardCharsets.UTF_8))).get();
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            List<ConsumerRecord<String, byte[]>> dead = TopicReader.readAll(kafka, "maap.case-return-service.dlq.v1");
            assertThat(dead).anySatisfy(r -> {
                assertThat(r.key()).isEqualTo("poison");
                assertThat(TopicReader.header(r, "x-exception-message")).contains("missing CloudEvents attribute");
            });
        });
        String auditId = "it-after-poison";
        post(Service.AUDIT_PROGRAMME, "/api/audits", commission(auditId, List.of("RBR-1801-F01"), List.of("nelft")), 201);
        awaitOutstanding(auditId, 1);
    }

    @Test
    void aRebuildGivesExactlyWhatLiveProcessingGave() {
        String auditId = "it-rebuild-2017";
        post(Service.AUDIT_PROGRAMME, "/api/audits", commission(auditId, List.of("RBR-1710-H01", "RBR-1710-H02"),
                List.of("met-police", "nelft")), 201);
        awaitOutstanding(auditId, 4);
        TestPlatform.awaitRemindersDue();
        JsonNode before = getJson(Service.REPORTING, "/api/outstanding-returns?size=500");

        JsonNode started = post(Service.REPORTING, "/api/rebuilds", "", 202);
        assertThat(started.get("state").asString()).isIn("RUNNING", "SWITCHING", "COMPLETED");
        await().atMost(Duration.ofSeconds(60)).until(() ->
                getJson(Service.REPORTING, "/api/rebuilds/current").get("state").asString().equals("COMPLETED"));
        JsonNode progress = getJson(Service.REPORTING, "/api/rebuilds/current");
        assertThat(progress.get("toGeneration").asLong()).isEqualTo(progress.get("fromGeneration").asLong() + 1);
        assertThat(progress.get("eventsDone").asLong()).isEqualTo(progress.get("eventsTotal").asLong()).isPositive();

        assertThat(getJson(Service.REPORTING, "/api/outstanding-returns?size=500")).isEqualTo(before);

        String laterAuditId = "it-after-rebuild";
        post(Service.AUDIT_PROGRAMME, "/api/audits", commission(laterAuditId, List.of("RBR-1711-H03"), List.of("nelft")), 201);
        awaitOutstanding(laterAuditId, 1);
    }

    @Test
    void theOutstandingReturnsCanBeSeenAsTheyStoodAtAPastInstant() throws Exception {
        String firstAuditId = "it-asat-first";
        post(Service.AUDIT_PROGRAMME, "/api/audits", commission(firstAuditId, List.of("RBR-1712-A01"), List.of("nelft")), 201);
        awaitOutstanding(firstAuditId, 1);
        Thread.sleep(50);
        java.time.Instant between = java.time.Instant.now();
        Thread.sleep(50);
        String secondAuditId = "it-asat-second";
        post(Service.AUDIT_PROGRAMME, "/api/audits", commission(secondAuditId, List.of("RBR-1712-A02"), List.of("nelft")), 201);
        awaitOutstanding(secondAuditId, 1);

        JsonNode then = getJson(Service.REPORTING, "/api/outstanding-returns?size=500&asAt=" + between);
        List<String> audits = stream(then.get("items")).map(item -> item.get("auditId").asString()).toList();
        assertThat(audits).contains(firstAuditId).doesNotContain(secondAuditId);
        assertThat(then.get("asAt").asString()).isEqualTo(between.toString());
        assertThat(getJson(Service.REPORTING, "/api/outstanding-returns?size=500&auditId=" + secondAuditId).get("total").asInt())
                .isEqualTo(1);
    }

    private static JsonNode awaitOutstanding(String auditId, int expected) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
            last[0] = getJson(Service.REPORTING, "/api/outstanding-returns?auditId=" + auditId);
            return last[0].get("total").asInt() == expected;
        });
        return last[0];
    }

    private static List<ConsumerRecord<String, byte[]>> auditRecords(String auditId) {
        return TopicReader.readAll(kafka, Topics.AUDIT_PROGRAMME_EVENTS).stream()
                .filter(r -> auditId.equals(r.key())).toList();
    }

    private static List<ConsumerRecord<String, byte[]>> returnRecords(String auditId) {
        // Only the requests: the 2017 dates of these audits also make reminders and overdue marks fall at once.
        return TopicReader.readAll(kafka, Topics.CASE_RETURN_EVENTS).stream()
                .filter(r -> "maap.case-return.requested.v1".equals(TopicReader.header(r, "ce_type")))
                .filter(r -> JSON.readTree(r.value()).get("auditId").asString().equals(auditId)).toList();
    }

    private static String commission(String auditId, List<String> cases, List<String> agencies) {
        var body = JSON.createObjectNode()
                .put("auditId", auditId)
                .put("programmeId", "redbridge-2017-18")
                .put("title", "Children who go missing")
                .put("theme", "Children who go missing")
                .put("leadOfficer", "Chair of LSCB Learning and Improvement Sub-Group")
                .put("toolSentOn", "2017-07-03");
        body.putArray("questions").addObject().put("questionId", "q1").put("text", "Was the child seen?").put("graded", true);
        var caseArray = body.putArray("cases");
        cases.forEach(c -> caseArray.addObject().put("caseReference", c).put("caseType", "CHILD_PROTECTION"));
        var agencyArray = body.putArray("participatingAgencies");
        agencies.forEach(agencyArray::add);
        return body.toString();
    }

    private static JsonNode post(Service service, String path, String body, int expectedStatus) {
        return TestPlatform.client(service).post().uri(path)
                .contentType(MediaType.APPLICATION_JSON).body(body)
                .exchange((request, response) -> {
                    assertThat(response.getStatusCode().value()).as("status of POST %s", path).isEqualTo(expectedStatus);
                    byte[] content = response.getBody().readAllBytes();
                    return content.length == 0 ? JSON.createObjectNode() : JSON.readTree(content);
                });
    }

    private static JsonNode getJson(Service service, String path) {
        return JSON.readTree(TestPlatform.client(service).get().uri(path).retrieve().body(String.class));
    }

    private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false);
    }
}
