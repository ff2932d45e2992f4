package io.maap.auditprogramme;

import io.maap.events.Topics;
import io.maap.testsupport.TestInfrastructure;
import io.maap.testsupport.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import io.maap.testsupport.TestTokens;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The REST API of audit-programme-service on a real PostgreSQL event store and a real Kafka
 * broker: validation and rule violations as problem details, reads from the query tables, safe
 * retries, and every lifecycle step published on the topic.
 */
class AuditProgrammeApiIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PROGRAMME = "redbridge-2017-18";
    private static ConfigurableApplicationContext app;
    private static RestClient client;
    private static String kafka;

    @BeforeAll
    static void start() {
        kafka = TestInfrastructure.kafkaBootstrapServers();
        TestInfrastructure.Database db = TestInfrastructure.newPostgresDatabase("maap_audit_programme_it");
        app = AuditProgrammeApplication.builder().run(TestTokens.trusted(
                "--spring.datasource.url=" + db.jdbcUrl(),
                "--spring.datasource.username=" + db.username(),
                "--spring.datasource.password=" + db.password(),
                "--spring.cloud.stream.kafka.binder.brokers=" + kafka,
                "--server.port=0"));
        client = RestClient.builder().baseUrl("http://localhost:" + app.getEnvironment().getRequiredProperty("local.server.port"))
                .defaultHeader("Authorization", "Bearer " + TestTokens.qaCoordinator()).build();
        call(HttpMethod.POST, "/api/programmes", programme("Multi-Agency Audit Programme 2017-2018"), 201);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void anAuditGoesThroughItsWholeLifecycleAndEveryStepIsPublished() {
        String audit = "it-missing";
        call(HttpMethod.POST, "/api/programmes/" + PROGRAMME + "/audits", plan(audit), 201);
        call(HttpMethod.POST, "/api/audits", commission(audit), 201);
        call(HttpMethod.POST, "/api/audits/" + audit + "/returns-closed",
                body().put("finalSubmissionOn", "2017-08-07").put("closedBy", "QA Coordinator"), 200);
        call(HttpMethod.POST, "/api/audits/" + audit + "/analysed", step("2017-08-14", "QA Sub-Group"), 200);
        ObjectNode challenge = body().put("heldOn", "2017-08-22").put("chair", "Independent chair").put("agendaSentOn", "2017-08-18");
        call(HttpMethod.POST, "/api/audits/" + audit + "/challenge-day-held", challenge, 200);
        call(HttpMethod.POST, "/api/audits/" + audit + "/report-drafted", step("2017-09-05", "QA Coordinator"), 200);
        JsonNode unnamed = call(HttpMethod.POST, "/api/audits/" + audit + "/signed-off",
                step("2017-09-20", "LSCB Executive Board"), 409);
        assertThat(unnamed.get("code").asString()).isEqualTo("board-meeting-required");
        call(HttpMethod.POST, "/api/audits/" + audit + "/signed-off", step("2017-09-20", "LSCB Executive Board")
                .put("boardMeeting", "LSCB Executive Board, 20 September 2017"), 200);
        call(HttpMethod.POST, "/api/audits/" + audit + "/monitoring-started", step("2017-10-03", "QA Sub-Group"), 200);
        ObjectNode closing = body().put("closedOn", "2018-04-17").put("closedBy", "QA Sub-Group")
                .put("evaluation", "Return home interviews now inform the plan");
        JsonNode undisseminated = call(HttpMethod.POST, "/api/audits/" + audit + "/closed", closing, 409);
        assertThat(undisseminated.get("code").asString()).isEqualTo("learning-not-disseminated");
        call(HttpMethod.POST, "/api/audits/" + audit + "/disseminations", body().put("disseminationId", "briefing-1")
                .put("channel", "MULTI_AGENCY_BRIEFING").put("what", "Key learning on return home interviews")
                .put("sentTo", "All partner agencies").put("sentOn", "2017-10-10"), 201);
        call(HttpMethod.POST, "/api/audits/" + audit + "/closed", closing, 200);
        JsonNode closed = call(HttpMethod.POST, "/api/audits/" + audit + "/closed", closing, 200);

        assertThat(closed.get("status").asString()).isEqualTo("CLOSED");
        assertThat(closed.get("disseminations").get(0).get("channel").asString()).isEqualTo("MULTI_AGENCY_BRIEFING");
        assertThat(closed.get("returnDeadline").asString()).isEqualTo("2017-08-07");
        JsonNode signedOff = closed.get("milestones").get(5);
        assertThat(signedOff.get("milestone").asString()).isEqualTo("SIGNED_OFF");
        assertThat(signedOff.get("planned").get("date").asString()).isEqualTo("2017-09-20");
        assertThat(signedOff.get("actual").asString()).isEqualTo("2017-09-20");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(types(audit)).containsExactly(
                "maap.audit.planned.v1", "maap.audit.commissioned.v1", "maap.audit.returns-closed.v1",
                "maap.audit.analysed.v1", "maap.audit.challenge-day-held.v1", "maap.audit.report-drafted.v1",
                "maap.audit.signed-off.v1", "maap.audit.monitoring-started.v1", "maap.audit.learning-disseminated.v1",
                "maap.audit.closed.v1"));
        ConsumerRecord<String, byte[]> signedOffRecord = records(audit).get(6);
        JsonNode payload = JSON.readTree(signedOffRecord.value());
        assertThat(payload.get("programmeId").asString()).isEqualTo(PROGRAMME);
        assertThat(payload.get("signedOffOn").asString()).isEqualTo("2017-09-20");
        assertThat(payload.get("signedOffBy").asString()).isEqualTo("LSCB Executive Board");
        assertThat(payload.get("boardMeeting").asString()).isEqualTo("LSCB Executive Board, 20 September 2017");
    }

    @Test
    void anIllegalTransitionIsRefusedWithAProblemDetail() {
        String audit = "it-neglect";
        call(HttpMethod.POST, "/api/programmes/" + PROGRAMME + "/audits", plan(audit), 201);
        JsonNode problem = call(HttpMethod.POST, "/api/audits/" + audit + "/signed-off", step("2017-09-20", "LSCB Executive Board")
                .put("boardMeeting", "LSCB Executive Board, 20 September 2017"), 409);
        assertThat(problem.get("type").asString()).isEqualTo("urn:maap:problem:illegal-transition");
        assertThat(problem.get("detail").asString())
                .isEqualTo("Cannot sign off audit it-neglect: it is planned, and must be report drafted first.");
        assertThat(problem.get("status").asInt()).isEqualTo(409);
    }

    @Test
    void aChallengeDayOutsideTheWindowNeedsWhoAndWhy() {
        String audit = "it-esafety";
        call(HttpMethod.POST, "/api/programmes/" + PROGRAMME + "/audits", plan(audit), 201);
        call(HttpMethod.POST, "/api/audits", commission(audit), 201);
        JsonNode refused = call(HttpMethod.PUT, "/api/audits/" + audit + "/challenge-day",
                body().put("challengeDayOn", "2017-09-04").put("chair", "Independent chair"), 409);
        assertThat(refused.get("code").asString()).isEqualTo("challenge-day-too-late");

        ObjectNode withOverride = body().put("challengeDayOn", "2017-09-04").put("chair", "Independent chair");
        withOverride.putObject("override").put("decidedBy", "LSCB Executive").put("reason", "Summer holidays");
        JsonNode scheduled = call(HttpMethod.PUT, "/api/audits/" + audit + "/challenge-day", withOverride, 200);
        assertThat(scheduled.get("challengeDay").get("agendaDueOn").asString()).isEqualTo("2017-08-31");
        assertThat(scheduled.get("challengeDay").get("scheduleOverride").get("reason").asString()).isEqualTo("Summer holidays");
        JsonNode challengeDay = null;
        for (JsonNode milestone : scheduled.get("milestones")) {
            if (milestone.get("milestone").asString().equals("CHALLENGE_DAY")) {
                challengeDay = milestone;
            }
        }
        assertThat(challengeDay.get("planned").get("date").asString()).isEqualTo("2017-09-04");
        assertThat(challengeDay.get("baseline").get("date").asString()).as("the date the Executive agreed").isEqualTo("2017-08-21");
        call(HttpMethod.PUT, "/api/audits/" + audit + "/challenge-day", withOverride, 200);

        // The agenda goes out by its due day; the agencies are told from the event.
        JsonNode late = call(HttpMethod.POST, "/api/audits/" + audit + "/challenge-day/agenda-sent",
                body().put("sentOn", "2017-09-01"), 409);
        assertThat(late.get("code").asString()).isEqualTo("agenda-late");
        JsonNode sent = call(HttpMethod.POST, "/api/audits/" + audit + "/challenge-day/agenda-sent",
                body().put("sentOn", "2017-08-30"), 200);
        assertThat(sent.get("challengeDay").get("agendaSentOn").asString()).isEqualTo("2017-08-30");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(types(audit)).containsExactly(
                "maap.audit.planned.v1", "maap.audit.commissioned.v1", "maap.audit.challenge-day-scheduled.v1",
                "maap.audit.challenge-day-agenda-sent.v1"));
    }

    @Test
    void invalidInputIsAProblemDetailNamingTheFields() {
        ObjectNode bad = programme("t").put("programmeId", "no spaces allowed");
        bad.remove("agreedOn");
        JsonNode problem = call(HttpMethod.POST, "/api/programmes", bad, 400);
        assertThat(problem.get("type").asString()).isEqualTo("urn:maap:problem:validation");
        assertThat(problem.get("errors").findValuesAsString("field")).contains("programmeId", "agreedOn");

        ObjectNode badWeek = plan("it-bad-week");
        ((ObjectNode) badWeek.get("milestones").get(0).get("plannedDate")).put("date", "2017-08-22");
        JsonNode weekProblem = call(HttpMethod.POST, "/api/programmes/" + PROGRAMME + "/audits", badWeek, 400);
        assertThat(weekProblem.get("detail").asString()).contains("A week is given by its Monday");
    }

    @Test
    void thePartnershipIssuesEachSampledCaseAReferenceFromTheProgrammesSequenceAndRefusesANameAsOne() {
        String programme = "it-references-2017-18";
        call(HttpMethod.POST, "/api/programmes", programme("Referenced cases").put("programmeId", programme), 201);
        ObjectNode neglect = commission("it-ref-neglect").put("programmeId", programme).put("theme", "Neglect");
        neglect.putArray("cases").add(unreferenced()).add(unreferenced());
        List<String> issued = call(HttpMethod.POST, "/api/audits", neglect, 201).get("cases").findValuesAsString("caseReference");
        assertThat(issued).containsExactly("RBR-1707-N01", "RBR-1707-N02");
        assertThat(call(HttpMethod.POST, "/api/audits", neglect, 201).get("cases").findValuesAsString("caseReference"))
                .as("a retried commissioning keeps its references").isEqualTo(issued);
        assertThat(call(HttpMethod.GET, "/api/audits/it-ref-neglect", null, 200).toString()).contains("RBR-1707-N02");

        ObjectNode missing = commission("it-ref-missing").put("programmeId", programme);
        missing.putArray("cases").add(unreferenced());
        assertThat(call(HttpMethod.POST, "/api/audits", missing, 201).get("cases").findValuesAsString("caseReference"))
                .as("the programme's sequence goes on").containsExactly("RBR-1707-C03");

        ObjectNode named = commission("it-ref-named");
        named.putArray("cases").addObject().put("caseReference", "SMITH-JOHN-2010").put("caseType", "CHILD_PROTECTION");
        JsonNode problem = call(HttpMethod.POST, "/api/audits", named, 400);
        assertThat(problem.get("errors").findValuesAsString("field")).containsExactly("cases[0].caseReference");
        assertThat(problem.get("errors").findValuesAsString("message").get(0)).contains("issued by the partnership");

        ObjectNode invented = commission("it-ref-invented").put("programmeId", programme);
        invented.putArray("cases").add(unreferenced()).addObject().put("caseReference", "RBR-1707-N09").put("caseType", "CHILD_PROTECTION");
        JsonNode notIssued = call(HttpMethod.POST, "/api/audits", invented, 422);
        assertThat(notIssued.get("type").asString()).isEqualTo("urn:maap:problem:case-reference-not-issued");
        assertThat(notIssued.get("errors").findValuesAsString("field")).containsExactly("cases[1].caseReference");

        ObjectNode reaudit = commission("it-ref-reaudit").put("programmeId", programme).put("theme", "Neglect");
        reaudit.putArray("cases").addObject().put("caseReference", issued.get(1)).put("caseType", "CHILD_PROTECTION");
        assertThat(call(HttpMethod.POST, "/api/audits", reaudit, 201).get("cases").findValuesAsString("caseReference"))
                .as("a case the programme referenced before is audited again under its reference").containsExactly(issued.get(1));
    }

    @Test
    void commissioningsOfOneProgrammeAtOnceTakeTheirReferencesInTurnWithoutCollidingOrFailing() throws Exception {
        String programme = "it-concurrent-2017-18";
        call(HttpMethod.POST, "/api/programmes", programme("Concurrent commissionings").put("programmeId", programme), 201);
        int audits = 12;
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            var answers = new java.util.ArrayList<java.util.concurrent.Future<JsonNode>>();
            for (int i = 0; i < audits; i++) {
                ObjectNode commission = commission("it-concurrent-" + i).put("programmeId", programme)
                        .put("theme", "Sexual abuse").put("toolSentOn", "2017-06-05"); // its own month and initial
                commission.putArray("cases").add(unreferenced()).add(unreferenced()).add(unreferenced());
                answers.add(pool.submit(() -> call(HttpMethod.POST, "/api/audits", commission, 201)));
            }
            List<String> issued = new java.util.ArrayList<>();
            for (var answer : answers) {
                issued.addAll(answer.get().get("cases").findValuesAsString("caseReference"));
            }
            assertThat(issued).as("every commissioning answered 201, each case its own number of the sequence")
                    .doesNotHaveDuplicates().hasSize(audits * 3)
                    .allMatch(reference -> reference.matches("RBR-1706-S(0[1-9]|[1-2][0-9]|3[0-6])"));
        } finally {
            pool.shutdownNow();
        }
    }

    private static ObjectNode unreferenced() {
        return body().put("caseType", "CHILD_PROTECTION");
    }

    @Test
    void aBlankIdempotencyKeyIsRefusedRatherThanIgnored() {
        ObjectNode withoutId = commission("unused");
        withoutId.remove("auditId");
        JsonNode problem = client.post().uri("/api/audits").header("Idempotency-Key", " ")
                .contentType(MediaType.APPLICATION_JSON).body(withoutId.toString())
                .exchange((req, response) -> {
                    assertThat(response.getStatusCode().value()).isEqualTo(400);
                    return JSON.readTree(response.getBody().readAllBytes());
                });
        assertThat(problem.get("detail").asString()).startsWith("Idempotency-Key must not be blank");
    }

    @Test
    void planningIntoAnUnknownProgrammeIsNotFound() {
        JsonNode problem = call(HttpMethod.POST, "/api/programmes/nowhere-2017/audits", plan("it-nowhere"), 404);
        assertThat(problem.get("detail").asString()).isEqualTo("No programme 'nowhere-2017'.");
        call(HttpMethod.GET, "/api/audits/it-nowhere", null, 404);
    }

    @Test
    void agreeingTheSameProgrammeAgainCreatesNothingTwiceAndOtherDetailsAreRefused() {
        call(HttpMethod.POST, "/api/programmes", programme("Multi-Agency Audit Programme 2017-2018"), 201);
        JsonNode conflict = call(HttpMethod.POST, "/api/programmes", programme("Another title"), 409);
        assertThat(conflict.get("code").asString()).isEqualTo("programme-already-agreed");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(types(PROGRAMME))
                .containsExactly("maap.programme.agreed.v1"));
    }

    @Test
    void theProgrammeShowsItsAuditsAndSchedule() {
        String audit = "it-fgm";
        call(HttpMethod.POST, "/api/programmes/" + PROGRAMME + "/audits", plan(audit), 201);
        JsonNode programme = call(HttpMethod.GET, "/api/programmes/" + PROGRAMME, null, 200);
        assertThat(programme.get("agreedBy").asString()).isEqualTo("LSCB Executive");
        JsonNode row = null;
        for (JsonNode r : programme.get("schedule")) {
            if (r.get("auditId").asString().equals(audit)) {
                row = r;
            }
        }
        assertThat(row).isNotNull();
        assertThat(row.get("roundTable").get("plannedText").asString()).isEqualTo("W/C 21 August 2017");
        assertThat(row.get("presentedToExecutive").get("plannedText").asString()).isEqualTo("20 September 2017");
    }

    @Test
    void aSection11AuditFollowsEachAgencyAndAppearsInTheSchedule() {
        String audit = "it-s11";
        ObjectNode plan = body().put("auditId", audit).put("title", "Section 11 Audit").put("leadOfficer", "LSCB QA Manager")
                .put("timescale", "2016 - 2018");
        plan.putArray("businessPlanPriorities").add("6").add("8");
        plan.putArray("agencies").add("met-police");
        plan.putObject("commence").put("date", "2016-12-01").put("precision", "MONTH");
        plan.putObject("presentedToExecutive").put("date", "2018-12-01").put("precision", "MONTH");
        plan.putArray("phases").addObject().put("activityId", "challenge").put("description", "Challenge panels")
                .set("startsOn", body().put("date", "2017-02-13").put("precision", "WEEK_COMMENCING"));
        call(HttpMethod.POST, "/api/programmes/" + PROGRAMME + "/section-11-audits", plan, 201);
        call(HttpMethod.POST, "/api/programmes/" + PROGRAMME + "/section-11-audits", plan, 201);

        String steps = "/api/section-11-audits/" + audit + "/agencies/met-police/steps";
        JsonNode outOfOrder = call(HttpMethod.POST, steps, body().put("step", "CHALLENGE_PANEL_HELD").put("on", "2017-02-20"), 409);
        assertThat(outOfOrder.get("detail").asString()).isEqualTo(
                "Cannot record challenge panel held for agency 'met-police': the next step is self assessment submitted.");
        call(HttpMethod.POST, steps, body().put("step", "SELF_ASSESSMENT_SUBMITTED").put("on", "2017-01-31"), 200);
        call(HttpMethod.POST, steps, body().put("step", "CHALLENGE_PANEL_HELD").put("on", "2017-02-20").put("by", "Lay member"), 200);
        // "amend if necessary": this agency's self-assessment needed no resubmission after the panel
        call(HttpMethod.POST, steps, body().put("step", "ACTION_PLAN_RECEIVED").put("on", "2017-07-04"), 200);
        JsonNode presented = call(HttpMethod.POST, "/api/section-11-audits/" + audit + "/action-plans-presented",
                body().put("on", "2017-07-18").put("to", "LSCB Board"), 200);
        assertThat(presented.get("actionPlansPresented").get("on").asString()).isEqualTo("2017-07-18");
        call(HttpMethod.POST, "/api/section-11-audits/" + audit + "/monitoring-reviews",
                body().put("on", "2017-10-03").put("by", "LSCB Board"), 200);
        JsonNode closed = call(HttpMethod.POST, "/api/section-11-audits/" + audit + "/closed",
                body().put("closedOn", "2018-04-24").put("closedBy", "LSCB Board").put("evaluation", "Panels worked"), 200);
        assertThat(closed.get("kind").asString()).isEqualTo("SECTION_11");
        assertThat(closed.get("status").asString()).isEqualTo("CLOSED");
        assertThat(closed.get("selfAssessments").get(0).get("panelChair").asString()).isEqualTo("Lay member");

        JsonNode taken = call(HttpMethod.POST, "/api/programmes/" + PROGRAMME + "/audits", plan(audit), 409);
        assertThat(taken.get("code").asString()).isEqualTo("audit-id-taken");

        JsonNode row = null;
        for (JsonNode r : call(HttpMethod.GET, "/api/programmes/" + PROGRAMME + "/schedule", null, 200)) {
            if (r.get("auditId").asString().equals(audit)) {
                row = r;
            }
        }
        assertThat(row).isNotNull();
        assertThat(row.get("commence").get("plannedText").asString()).isEqualTo("December 2016");
        assertThat(row.get("roundTable").isNull()).isTrue();
        assertThat(row.get("presentedToExecutive").get("plannedText").asString()).isEqualTo("December 2018");
        assertThat(row.get("presentedToExecutive").get("actual").asString()).isEqualTo("2018-04-24");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(types(audit)).containsExactly(
                "maap.section-11.planned.v1", "maap.section-11.agency-step-recorded.v1",
                "maap.section-11.agency-step-recorded.v1", "maap.section-11.agency-step-recorded.v1",
                "maap.section-11.action-plans-presented.v1",
                "maap.section-11.monitoring-reviewed.v1", "maap.section-11.closed.v1"));
    }

    private static List<ConsumerRecord<String, byte[]>> records(String key) {
        return TopicReader.readAll(kafka, Topics.AUDIT_PROGRAMME_EVENTS).stream().filter(r -> key.equals(r.key())).toList();
    }

    private static List<String> types(String key) {
        return records(key).stream().map(r -> TopicReader.header(r, "ce_type")).toList();
    }

    private static ObjectNode body() {
        return JSON.createObjectNode();
    }

    private static ObjectNode step(String on, String by) {
        return body().put("on", on).put("by", by);
    }

    private static ObjectNode programme(String title) {
        return body().put("programmeId", PROGRAMME).put("partnership", "Redbridge LSCB").put("title", title)
                .put("periodStart", "2017-04-01").put("periodEnd", "2018-03-31").put("agreedOn", "2017-03-22")
                .put("agreedBy", "LSCB Executive");
    }

    private static ObjectNode plan(String auditId) {
        ObjectNode plan = body().put("auditId", auditId).put("title", "Children who go missing")
                .put("theme", "Children who go missing").put("leadOfficer", "Chair of LSCB Learning and Improvement Sub-Group")
                .put("timescale", "July - September 2017");
        plan.putArray("businessPlanPriorities").add("7");
        plan.putArray("gradingScale").add("Good").add("Requires improvement").add("Inadequate");
        var milestones = plan.putArray("milestones");
        milestones.addObject().put("milestone", "CHALLENGE_DAY").putObject("plannedDate")
                .put("date", "2017-08-21").put("precision", "WEEK_COMMENCING");
        milestones.addObject().put("milestone", "SIGNED_OFF").putObject("plannedDate").put("date", "2017-09-20");
        return plan;
    }

    private static ObjectNode commission(String auditId) {
        ObjectNode body = body().put("auditId", auditId).put("programmeId", PROGRAMME)
                .put("title", "Children who go missing").put("theme", "Children who go missing")
                .put("leadOfficer", "Chair of LSCB Learning and Improvement Sub-Group").put("toolSentOn", "2017-07-03");
        body.putObject("deadlineOverride").put("returnDeadline", "2017-08-07").put("decidedBy", "LSCB Executive")
                .put("reason", "Set in the programme");
        body.putArray("questions").addObject().put("questionId", "q1").put("text", "Was the child seen?").put("graded", true);
        body.putArray("cases").addObject().put("caseType", "CHILD_PROTECTION");
        body.putArray("participatingAgencies").add("met-police");
        return body;
    }

    private static JsonNode call(HttpMethod method, String path, JsonNode body, int expectedStatus) {
        var request = client.method(method).uri(path);
        if (body != null) {
            request = request.contentType(MediaType.APPLICATION_JSON).body(body.toString());
        }
        return request.exchange((req, response) -> {
            byte[] content = response.getBody().readAllBytes();
            assertThat(response.getStatusCode().value()).as("%s %s: %s", method, path, new String(content))
                    .isEqualTo(expectedStatus);
            if (expectedStatus >= 400) {
                assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
            }
            return content.length == 0 ? JSON.createObjectNode() : JSON.readTree(content);
        });
    }
}
