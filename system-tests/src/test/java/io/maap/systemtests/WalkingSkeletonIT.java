package io.maap.systemtests;

import io.maap.events.Topics;
import io.maap.local.MaapServices.Service;
import io.maap.testsupport.CloudEventRecords;
import io.maap.testsupport.TopicReader;
import io.maap.testsupport.api.ApiClient;
import io.maap.testsupport.api.Commission;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.maap.testsupport.CloudEventRecords.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The walking skeleton across all four services on the real broker and databases: an audit
 * commissioned over REST becomes one outstanding return per case and agency in reporting-service.
 */
class WalkingSkeletonIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The dead-letter topics of the services that read the audit programme's events. */
    private static final List<String> AUDIT_READERS_DLQS = List.of("maap.case-return-service.dlq.v1",
            "maap.action-plan-service.dlq.v1", "maap.reporting-service.dlq.v1");
    private static ApiClient audits;
    private static ApiClient actionPlans;
    private static ApiClient reporting;
    private static String kafka;

    @BeforeAll
    static void startPlatform() {
        audits = TestPlatform.api(Service.AUDIT_PROGRAMME);
        actionPlans = TestPlatform.api(Service.ACTION_PLAN);
        reporting = TestPlatform.api(Service.REPORTING);
        kafka = TestPlatform.kafka();
    }

    @Test
    void aCommissionedAuditBecomesOneOutstandingReturnPerCaseAndAgency() {
        String auditId = "it-missing-2017";
        List<String> cases = Commission.issuedReferences(audits.post("/api/audits", commission(auditId, 2,
                List.of("met-police", "nelft", "lbr-childrens-social-care")), 201));

        JsonNode outstanding = awaitOutstanding(auditId, 6);
        Set<String> pairs = outstanding.get("items").valueStream()
                .map(item -> item.get("caseReference").asString() + "/" + item.get("agency").asString())
                .collect(Collectors.toSet());
        assertThat(pairs).hasSize(6).contains(cases.get(0) + "/met-police", cases.get(1) + "/lbr-childrens-social-care");
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

        await().atMost(Duration.ofSeconds(30)).until(() -> actionPlans.get("/api/audits/" + auditId).status() == 200);

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
    void consumingTheSameCommissioningTwiceCreatesNothingTwice() {
        String auditId = "it-neglect-2017";
        audits.post("/api/audits", commission(auditId, 1, List.of("met-police", "nelft")), 201);
        awaitOutstanding(auditId, 2);
        await().atMost(Duration.ofSeconds(30)).until(() -> returnRecords(auditId).size() == 2);
        await().atMost(Duration.ofSeconds(30)).until(() -> actionPlans.get("/api/audits/" + auditId).status() == 200);
        JsonNode knownToActionPlans = actionPlans.getJson("/api/audits/" + auditId);

        ConsumerRecord<String, byte[]> original = auditRecords(auditId).get(0);
        CloudEventRecords.send(kafka, new ProducerRecord<>(Topics.AUDIT_PROGRAMME_EVENTS, original.partition(),
                bytes(original.key()), original.value(), original.headers()));
        // Right behind the duplicate on its partition, a record no service can read: once every reader has
        // dead-lettered it, every reader has handled the duplicate.
        String marker = "marker-" + UUID.randomUUID();
        CloudEventRecords.send(kafka, new ProducerRecord<>(Topics.AUDIT_PROGRAMME_EVENTS, original.partition(),
                bytes(marker), bytes("{not json")));
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> AUDIT_READERS_DLQS.forEach(dlq ->
                assertThat(keys(dlq)).as(dlq).contains(marker)));
        // A later audit: once its request is on the topic, case-return-service's relay has published
        // whatever it stored for the duplicate too (it publishes in the order it stored).
        String laterAuditId = "it-later-2017";
        audits.post("/api/audits", commission(laterAuditId, 1, List.of("met-police")), 201);
        await().atMost(Duration.ofSeconds(30)).until(() -> returnRecords(laterAuditId).size() == 1);
        awaitOutstanding(laterAuditId, 1);

        assertThat(returnRecords(auditId)).hasSize(2);
        assertThat(reporting.getJson("/api/outstanding-returns?auditId=" + auditId).get("total").asInt()).isEqualTo(2);
        assertThat(actionPlans.getJson("/api/audits/" + auditId)).isEqualTo(knownToActionPlans);
        AUDIT_READERS_DLQS.forEach(dlq -> assertThat(keys(dlq)).as("the duplicate is no error: %s", dlq).doesNotContain(auditId));
    }

    @Test
    void retryingTheSameCommissionRequestChangesNothing() {
        String auditId = "it-esafety-2017";
        String body = commission(auditId, 1, List.of("nelft"));
        audits.post("/api/audits", body, 201);
        audits.post("/api/audits", body, 201);
        awaitOutstanding(auditId, 1);
        // The relay publishes in the order events were stored: once a later audit is on the topic, so is
        // any second event of the retried one.
        String laterAuditId = "it-esafety-2017-later";
        audits.post("/api/audits", commission(laterAuditId, 1, List.of("nelft")), 201);
        await().atMost(Duration.ofSeconds(30)).until(() -> !auditRecords(laterAuditId).isEmpty());
        assertThat(auditRecords(auditId)).hasSize(1);
    }

    @Test
    void anInvalidCommissionIsRefusedWithAProblemDetailNamingTheField() {
        String body = Commission.audit("it-bad").reaudited("CHILD_PROTECTION", List.of("Jane Smith")).agencies("met-police")
                .toString();
        JsonNode problem = audits.post("/api/audits", body, 400);
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("cases[0].caseReference");
    }

    @Test
    void anUnreadableEventGoesToTheDeadLetterTopicWithItsReason() {
        CloudEventRecords.send(kafka, new ProducerRecord<>(Topics.AUDIT_PROGRAMME_EVENTS, bytes("poison"), bytes("{not json")));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            List<ConsumerRecord<String, byte[]>> dead = TopicReader.readAll(kafka, "maap.case-return-service.dlq.v1");
            assertThat(dead).anySatisfy(r -> {
                assertThat(r.key()).isEqualTo("poison");
                assertThat(TopicReader.header(r, "x-exception-message")).contains("missing CloudEvents attribute");
            });
        });
        String auditId = "it-after-poison";
        audits.post("/api/audits", commission(auditId, 1, List.of("nelft")), 201);
        awaitOutstanding(auditId, 1);
    }

    @Test
    void aRebuildGivesExactlyWhatLiveProcessingGave() {
        String auditId = "it-rebuild-2017";
        audits.post("/api/audits", commission(auditId, 2, List.of("met-police", "nelft")), 201);
        awaitOutstanding(auditId, 4);
        TestPlatform.awaitRemindersDue();
        JsonNode before = reporting.getJson("/api/outstanding-returns?size=500");

        JsonNode started = reporting.post("/api/rebuilds", null, 202);
        assertThat(started.get("state").asString()).isIn("RUNNING", "SWITCHING", "COMPLETED");
        await().atMost(Duration.ofSeconds(60)).until(() ->
                reporting.getJson("/api/rebuilds/current").get("state").asString().equals("COMPLETED"));
        JsonNode progress = reporting.getJson("/api/rebuilds/current");
        assertThat(progress.get("toGeneration").asLong()).isEqualTo(progress.get("fromGeneration").asLong() + 1);
        assertThat(progress.get("eventsDone").asLong()).isEqualTo(progress.get("eventsTotal").asLong()).isPositive();

        assertThat(reporting.getJson("/api/outstanding-returns?size=500")).isEqualTo(before);

        String laterAuditId = "it-after-rebuild";
        audits.post("/api/audits", commission(laterAuditId, 1, List.of("nelft")), 201);
        awaitOutstanding(laterAuditId, 1);
    }

    @Test
    void theOutstandingReturnsCanBeSeenAsTheyStoodAtAPastInstant() throws Exception {
        String firstAuditId = "it-asat-first";
        audits.post("/api/audits", commission(firstAuditId, 1, List.of("nelft")), 201);
        awaitOutstanding(firstAuditId, 1);
        // "As at" is to the second (instants are rounded down): "between" is the next whole second,
        // and the second audit is commissioned only once the clock has passed it.
        java.time.Instant between = TestPlatform.nextWholeSecondPassed();
        String secondAuditId = "it-asat-second";
        audits.post("/api/audits", commission(secondAuditId, 1, List.of("nelft")), 201);
        awaitOutstanding(secondAuditId, 1);

        JsonNode then = reporting.getJson("/api/outstanding-returns?size=500&asAt=" + between);
        assertThat(then.get("items").valueStream().map(item -> item.get("auditId").asString())).contains(firstAuditId).doesNotContain(secondAuditId);
        assertThat(then.get("asAt").asString()).isEqualTo(between.toString());
        assertThat(reporting.getJson("/api/outstanding-returns?size=500&auditId=" + secondAuditId).get("total").asInt())
                .isEqualTo(1);
    }

    private static JsonNode awaitOutstanding(String auditId, int expected) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> reporting.getJson("/api/outstanding-returns?auditId=" + auditId),
                        outstanding -> outstanding.get("total").asInt() == expected);
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

    private static List<String> keys(String topic) {
        return TopicReader.readAll(kafka, topic).stream().map(ConsumerRecord::key).toList();
    }

    /** {@code cases} sampled cases, their references issued by the partnership. */
    private static String commission(String auditId, int cases, List<String> agencies) {
        return Commission.audit(auditId).cases("CHILD_PROTECTION", cases).agencies(agencies).toString();
    }
}
