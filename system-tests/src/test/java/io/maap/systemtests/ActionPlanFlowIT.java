package io.maap.systemtests;

import io.maap.events.Topics;
import io.maap.local.DemoData;
import io.maap.local.MaapServices;
import io.maap.local.MaapServices.Service;
import io.maap.testsupport.TestTokens;
import io.maap.testsupport.TopicReader;
import io.maap.testsupport.api.ApiClient;
import io.maap.testsupport.api.Commission;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The learning half of an audit across services on the real broker and databases: an audit
 * commissioned in audit-programme-service becomes known to action-plan-service over Kafka; its
 * findings, the Board's agreement of a plan, progress updates, and the closure of an action with
 * evidence of impact (proposed by its lead officer, returned once, accepted by a Board member) are
 * published on maap.action-plans.events.v1.
 */
class ActionPlanFlowIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/London"));
    private static MaapServices services;
    private static ApiClient audits;
    private static ApiClient actionPlans;
    private static String kafka;

    @BeforeAll
    static void startPlatform() {
        services = TestPlatform.services();
        audits = TestPlatform.api(Service.AUDIT_PROGRAMME);
        actionPlans = TestPlatform.api(Service.ACTION_PLAN);
        kafka = TestPlatform.kafka();
    }

    @Test
    void anAuditsFindingsAgreedPlanProgressAndClosureArePublished() {
        String auditId = "it-learning-2017";
        audits.post("/api/audits", commission(auditId), 201);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> actionPlans.get("/api/audits/" + auditId).status() == 200);

        String base = "/api/audits/" + auditId;
        actionPlans.post(base + "/findings", finding("f1", "management-oversight", "AREA_FOR_IMPROVEMENT",
                "lbr-childrens-social-care"), 201);
        actionPlans.post(base + "/findings", finding("f2", "voice-of-the-child", "GOOD_PRACTICE", "nelft"), 201);
        actionPlans.post(base + "/findings/f2/recognition", JSON.createObjectNode()
                .put("recognisedBy", "LSCB Independent Chair").put("note", "Letter to NELFT").toString(), 201);
        actionPlans.post(base + "/action-plans", JSON.createObjectNode().put("planId", "p1")
                .put("title", "Missing children audit action plan").put("draftedBy", "QA Manager").toString(), 201);
        actionPlans.post(base + "/action-plans/p1/actions", action("a1", TODAY, TODAY.plusDays(90)), 201);
        actionPlans.post(base + "/action-plans/p1/actions",
                action("a2", LocalDate.of(2017, 7, 1), LocalDate.of(2017, 9, 29)), 201);
        JsonNode unnamed = actionPlans.post(base + "/action-plans/p1/agreement", JSON.createObjectNode()
                .put("agreedBy", "LSCB Board").toString(), 409);
        assertThat(unnamed.get("code").asString()).isEqualTo("board-meeting-required");
        actionPlans.post(base + "/action-plans/p1/agreement", JSON.createObjectNode()
                .put("agreedBy", "LSCB Board").put("boardMeeting", "LSCB Board, 18 July 2017").toString(), 201);
        var dissemination = JSON.createObjectNode().put("disseminatedBy", "LSCB Business Manager");
        dissemination.putArray("disseminatedTo").add("All partner agencies");
        actionPlans.post(base + "/action-plans/p1/dissemination", dissemination.toString(), 201);
        actionPlans.post(base + "/action-plans/p1/monitoring-rounds", JSON.createObjectNode()
                .put("roundId", "october-board").toString(), 201);
        String update = progress("u1", "AMBER", "Supervision audit tool drafted");
        actionPlans.post(base + "/actions/a1/progress-updates", update, 201);
        actionPlans.post(base + "/actions/a1/progress-updates", update, 201);
        actionPlans.post(base + "/actions/a1/progress-updates", progress("u2", "GREEN", "First dip sample done"), 201);

        JsonNode refused = actionPlans.post(base + "/actions/a1/closure", JSON.createObjectNode()
                .put("evidenceOfImpact", " ").put("closedBy", "QA Sub-Group").toString(), 400);
        assertThat(refused.get("errors").get(0).get("field").asString()).isEqualTo("evidenceOfImpact");
        // The lead officer proposes closure; the QA coordinator returns it; proposed again, a Board member accepts it.
        ApiClient lead = TestPlatform.api(Service.ACTION_PLAN, TestTokens.leadOfficer("lbr-childrens-social-care"));
        assertThat(lead.post(base + "/actions/a1/closure", JSON.createObjectNode().put("evidenceOfImpact", "Done")
                .put("closedBy", "Head of Service").toString(), 403).get("status").asInt()).isEqualTo(403);
        lead.post(base + "/actions/a1/closure-proposal", JSON.createObjectNode()
                .put("evidenceOfImpact", "First dip sample: supervision on 12 of 20 files")
                .put("proposedBy", "Head of Service").toString(), 201);
        actionPlans.post(base + "/actions/a1/closure-proposal/return", JSON.createObjectNode()
                .put("reason", "Not yet the 90% the success measure asks for").put("returnedBy", "QA coordinator").toString(), 201);
        lead.post(base + "/actions/a1/closure-proposal", JSON.createObjectNode()
                .put("evidenceOfImpact", "Re-audit: supervision evident on 19 of 20 files")
                .put("proposedBy", "Head of Service").toString(), 201);
        TestPlatform.api(Service.ACTION_PLAN, TestTokens.boardMember()).post(base + "/actions/a1/closure-proposal/confirmation",
                JSON.createObjectNode().put("confirmedBy", "LSCB Board").toString(), 201);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(types(auditId)).contains("maap.action.closed.v1", "maap.action.overdue.v1"));
        List<ConsumerRecord<String, byte[]>> records = records(auditId);
        assertThat(records).allSatisfy(r -> {
            assertThat(r.key()).isEqualTo(auditId);
            assertThat(TopicReader.header(r, "ce_source")).isEqualTo("urn:maap:action-plan-service");
        });
        assertThat(types(auditId).stream().filter(t -> !t.equals("maap.action.overdue.v1")).toList()).containsExactly(
                "maap.finding.recorded.v1",
                "maap.finding.recorded.v1",
                "maap.good-practice.recognised.v1",
                "maap.action-plan.drafted.v1",
                "maap.action.added.v1",
                "maap.action.added.v1",
                "maap.action-plan.agreed.v1",
                "maap.action-plan.disseminated.v1",
                "maap.action.update-requested.v1",
                "maap.action.update-requested.v1",
                "maap.action.progress-reported.v1",
                "maap.action.progress-reported.v1",
                "maap.action.closure-proposed.v1",
                "maap.action.closure-returned.v1",
                "maap.action.closure-proposed.v1",
                "maap.action.closed.v1");
        JsonNode overdue = payloads(auditId, "maap.action.overdue.v1").get(0);
        assertThat(overdue.get("actionId").asString()).isEqualTo("a2");
        assertThat(payloads(auditId, "maap.action.overdue.v1")).hasSize(1);
        JsonNode closed = payloads(auditId, "maap.action.closed.v1").get(0);
        assertThat(closed.get("programmeId").asString()).isEqualTo("redbridge-2017-18");
        assertThat(closed.get("owningAgency").asString()).isEqualTo("lbr-childrens-social-care");
        assertThat(closed.get("evidenceOfImpact").asString()).startsWith("Re-audit");
        assertThat(closed.get("closedBy").asString()).isEqualTo("LSCB Board");
        assertThat(closed.get("boardMeeting").isNull()).isTrue();
        assertThat(payloads(auditId, "maap.action-plan.agreed.v1").get(0).get("boardMeeting").asString())
                .isEqualTo("LSCB Board, 18 July 2017");
        JsonNode firstUpdate = payloads(auditId, "maap.action.progress-reported.v1").get(0);
        assertThat(firstUpdate.get("rag").asString()).isEqualTo("AMBER");
        assertThat(firstUpdate.get("roundId").asString()).isEqualTo("october-board");

        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> {
            JsonNode a1 = actionPlans.getJson(base + "/actions/a1");
            assertThat(a1.get("action").get("status").asString()).isEqualTo("CLOSED");
            assertThat(a1.get("history").valueStream().map(h -> h.get("kind").asString()).toList())
                    .containsExactly("UPDATE_REQUESTED", "PROGRESS_REPORTED", "PROGRESS_REPORTED", "CLOSURE_PROPOSED",
                            "CLOSURE_RETURNED", "CLOSURE_PROPOSED", "CLOSED");
        });
        JsonNode findings = actionPlans.getJson(base + "/findings");
        assertThat(findings.size()).isEqualTo(2);
        assertThat(findings.get(1).get("recognisedBy").asString()).isEqualTo("LSCB Independent Chair");
    }

    @Test
    void aFindingAgainstAnAuditThatWasNeverCommissionedIsRefusedWithTheReason() {
        JsonNode problem = actionPlans.post("/api/audits/it-never-commissioned/findings",
                finding("f1", "recording", "AREA_FOR_IMPROVEMENT", "met-police"), 409);
        assertThat(problem.get("code").asString()).isEqualTo("audit-unknown");
        assertThat(problem.get("detail").asString()).contains("not known here");
    }

    @Test
    void anAspectThePartnershipRegistersCanBeUsedAtOnce() {
        String auditId = "it-aspects-2017";
        audits.post("/api/audits", commission(auditId), 201);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> actionPlans.get("/api/audits/" + auditId).status() == 200);
        JsonNode unknown = actionPlans.post("/api/audits/" + auditId + "/findings",
                finding("f1", "transitions", "AREA_FOR_IMPROVEMENT", "nelft"), 409);
        assertThat(unknown.get("code").asString()).isEqualTo("aspect-unknown");

        actionPlans.post("/api/finding-aspects", JSON.createObjectNode().put("aspect", "transitions")
                .put("label", "Transitions to adult services").put("registeredBy", "QA Manager").toString(), 201);
        actionPlans.post("/api/audits/" + auditId + "/findings",
                finding("f1", "transitions", "AREA_FOR_IMPROVEMENT", "nelft"), 201);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(payloads(auditId, "maap.finding.recorded.v1"))
                .singleElement().satisfies(f -> assertThat(f.get("aspectLabel").asString())
                        .isEqualTo("Transitions to adult services")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(actionPlans.getJson("/api/finding-aspects").valueStream().map(a -> a.get("aspect").asString()))
                        .contains("voice-of-the-child", "transitions"));
    }

    @Test
    void theRedbridgeDemoFindingsAndPlansLoadThroughTheApi() {
        DemoData.load(TestPlatform.qa(), services.baseUrl(Service.AUDIT_PROGRAMME), services.baseUrl(Service.ACTION_PLAN));

        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
            assertThat(actionPlans.getJson("/api/audits/rbr-2017-neglect/findings").size()).isEqualTo(6);
            JsonNode plans = actionPlans.getJson("/api/audits/rbr-2017-neglect/action-plans");
            assertThat(plans.get(0).get("plan").get("stage").asString()).isEqualTo("DISSEMINATED");
            // Monitored and closed, as seed 000 has the programme's plans: none open, none overdue.
            assertThat(plans.get(0).get("actions").valueStream().map(a -> a.get("status").asString()).toList())
                    .containsExactly("CLOSED", "CLOSED", "CLOSED", "CLOSED");
            JsonNode overdueOpen = actionPlans.getJson("/api/actions?programmeId=redbridge-2017-18&status=OPEN&overdue=true");
            assertThat(overdueOpen.valueStream().map(a -> a.get("actionId").asString()).toList())
                    .doesNotContain("neglect-a2", "neglect-a4", "missing-a1");
        });
        assertThat(types("rbr-2017-missing")).contains("maap.good-practice.recognised.v1", "maap.action.closed.v1");
    }

    private static Commission commission(String auditId) {
        return Commission.audit(auditId).cases(1).agencies("lbr-childrens-social-care", "met-police", "nelft");
    }

    private static String finding(String findingId, String aspect, String kind, String agency) {
        ObjectNode body = JSON.createObjectNode().put("findingId", findingId).put("aspect", aspect).put("kind", kind)
                .put("summary", "Found at the challenge day").put("recommendation", "Act on it")
                .put("recordedBy", "QA Manager").put("recordedOn", "2017-09-12");
        body.putArray("agencies").add(agency);
        body.putArray("references").add("RBR-1707-M01");
        return body.toString();
    }

    private static String action(String actionId, LocalDate addedOn, LocalDate due) {
        ObjectNode body = JSON.createObjectNode().put("actionId", actionId)
                .put("description", "Monthly reflective supervision audits").put("owningAgency", "lbr-childrens-social-care")
                .put("lead", "Head of Service").put("dueDate", due.toString())
                .put("successMeasure", "Supervision evident on 90% of files").put("addedOn", addedOn.toString());
        body.putArray("addressesFindings").add("f1");
        return body.toString();
    }

    private static String progress(String updateId, String rag, String note) {
        return JSON.createObjectNode().put("updateId", updateId).put("rag", rag).put("note", note)
                .put("reportedBy", "Head of Service").toString();
    }

    private static List<ConsumerRecord<String, byte[]>> records(String auditId) {
        return TopicReader.readAll(kafka, Topics.ACTION_PLAN_EVENTS).stream()
                .filter(r -> auditId.equals(r.key())).toList();
    }

    private static List<String> types(String auditId) {
        return records(auditId).stream().map(r -> TopicReader.header(r, "ce_type")).toList();
    }

    private static List<JsonNode> payloads(String auditId, String type) {
        return records(auditId).stream().filter(r -> type.equals(TopicReader.header(r, "ce_type")))
                .map(r -> JSON.readTree(r.value())).toList();
    }
}
