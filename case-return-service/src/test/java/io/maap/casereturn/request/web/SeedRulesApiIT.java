package io.maap.casereturn.request.web;

import io.maap.casereturn.CaseReturnApplication;
import io.maap.casereturn.request.command.RequestReturn;
import io.maap.events.CaseType;
import io.maap.events.auditprogramme.AuditCommissioned;
import io.maap.events.auditprogramme.AuditCommissioned.AuditQuestion;
import io.maap.testsupport.TestInfrastructure;
import io.maap.testsupport.TestTokens;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seeds' rules of a return through the REST API on a real database and broker (issue 18):
 * a return sent back early is due again no sooner than the deadline the agency was given; grades
 * are on the audit's scale, matched without regard to case and kept as the scale spells them; the
 * audit's policy gives the resubmission window and what a nil return covers.
 */
class SeedRulesApiIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String AUDIT = "seed-rules-2099";
    private static final LocalDate DUE = LocalDate.of(2099, 1, 26);
    private static ConfigurableApplicationContext service;
    private static RestClient client;

    @BeforeAll
    static void start() {
        TestInfrastructure.Database db = TestInfrastructure.newPostgresDatabase("maap_case_return_seed_rules");
        service = CaseReturnApplication.builder().run(TestTokens.trusted(
                "--spring.cloud.stream.kafka.binder.brokers=" + TestInfrastructure.kafkaBootstrapServers(),
                "--server.port=0",
                "--spring.datasource.url=" + db.jdbcUrl(), "--spring.datasource.username=" + db.username(),
                "--spring.datasource.password=" + db.password(),
                "--spring.cloud.stream.bindings.auditEvents-in-0.group=seed-rules-it",
                "--maap.agency-submissions.enabled=false"));
        client = RestClient.builder()
                .baseUrl("http://localhost:" + service.getEnvironment().getRequiredProperty("local.server.port"))
                .defaultHeader("Authorization", "Bearer " + TestTokens.qaCoordinator()).build();
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    private static String request(String caseReference) {
        return request(caseReference, LocalDate.of(2099, 1, 5), DUE, LocalDate.of(2099, 1, 19), null);
    }

    private static String request(String caseReference, LocalDate requestedOn, LocalDate due, LocalDate reminder,
                                  AuditCommissioned.Policy policy) {
        String id = RequestReturn.idFor(AUDIT, caseReference, "met-police");
        service.getBean(CommandGateway.class).sendAndWait(new RequestReturn(id, AUDIT, "redbridge-2098-99", caseReference,
                CaseType.CHILD_IN_NEED, "met-police", requestedOn, due, reminder,
                List.of(new AuditQuestion("q1", "Was the child seen?", true),
                        new AuditQuestion("q2", "Was the referral timely?", false)),
                List.of("Good", "Requires improvement", "Inadequate"), policy));
        post(id, "acknowledgement", """
                {"acknowledgedBy":"SPOC","caseHolder":"PC Amber","lineManager":"DS Jade","auditor":"DI Ruby"}""");
        return id;
    }

    private static JsonNode post(String id, String path, String body) {
        return JSON.readTree(client.method(HttpMethod.POST).uri("/api/return-requests/" + id + "/" + path)
                .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().body(String.class));
    }

    private static org.springframework.http.ResponseEntity<String> attempt(String id, String path, String body) {
        return client.method(HttpMethod.POST).uri("/api/return-requests/" + id + "/" + path)
                .contentType(MediaType.APPLICATION_JSON).body(body).retrieve()
                .onStatus(status -> true, (request, response) -> { }).toEntity(String.class);
    }

    private static String submission(String grade) {
        return """
                {"submittedBy":"SPOC","answers":[
                  {"questionId":"q1","answer":"Seen alone","grade":"%s"},
                  {"questionId":"q2","answer":"No information held"}]}""".formatted(grade);
    }

    @Test
    void aReturnSentBackLongBeforeItsDeadlineIsStillDueOnThatDeadline() {
        String id = request("SR-01");
        post(id, "submissions", submission("good"));
        JsonNode sentBack = post(id, "send-back", """
                {"version":1,"reasons":["Q1 gives no evidence"],"sentBackBy":"QA Coordinator"}""");
        assertThat(sentBack.get("status").asString()).isEqualTo("SENT_BACK");
        assertThat(sentBack.get("dueDate").asString()).isEqualTo(DUE.toString());
    }

    /** North East Lincolnshire's policy (seed 001): a nil return covers any time; here, resubmission in 10 working days. */
    private static final AuditCommissioned.Policy NEL = new AuditCommissioned.Policy(2, 15, 10, 15, false, 2, 10,
            "No involvement with the child or family historically, previously or currently", null);

    @Test
    void aNilReturnUnderNorthEastLincolnshiresPolicyCoversAnyTime() {
        String id = request("SR-05", LocalDate.of(2099, 1, 5), DUE, LocalDate.of(2099, 1, 19), NEL);
        post(id, "nil-return", """
                {"submittedBy":"SPOC"}""");
        JsonNode versions = JSON.readTree(client.get().uri("/api/return-requests/" + id + "/versions").retrieve().body(String.class));
        assertThat(versions.get(0).get("nilReturn").asBoolean()).isTrue();
        assertThat(versions.get(0).get("noInvolvementFrom").isNull()).isTrue();
        String hackney = request("SR-06");
        post(hackney, "nil-return", """
                {"submittedBy":"SPOC"}""");
        JsonNode twelveMonths = JSON.readTree(client.get().uri("/api/return-requests/" + hackney + "/versions").retrieve()
                .body(String.class));
        assertThat(twelveMonths.get(0).get("noInvolvementFrom").asString()).isEqualTo("2098-01-05");
    }

    @Test
    void aReturnSentBackAfterItsDeadlineIsDueAgainAfterTheResubmissionWindowOfItsAuditsPolicy() {
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/London"));
        LocalDate due = io.maap.support.calendar.WorkingDayCalendar.englandAndWales().subtractWorkingDays(today, 1);
        String id = request("SR-07", due.minusDays(21), due, due.minusDays(7), NEL);
        post(id, "submissions", submission("Good"));
        JsonNode sentBack = post(id, "send-back", """
                {"version":1,"reasons":["Q1 gives no evidence"],"sentBackBy":"QA Coordinator"}""");
        LocalDate sentBackOn = LocalDate.now(java.time.ZoneId.of("Europe/London"));
        assertThat(sentBack.get("dueDate").asString())
                .isEqualTo(io.maap.support.calendar.WorkingDayCalendar.englandAndWales().addWorkingDays(sentBackOn, 10).toString());
    }

    @Test
    void aGradeIsKeptAsTheAuditsScaleSpellsIt() {
        String id = request("SR-02");
        post(id, "submissions", submission("requires improvement"));
        JsonNode versions = JSON.readTree(client.get().uri("/api/return-requests/" + id + "/versions").retrieve().body(String.class));
        assertThat(versions.get(0).get("answers").get(0).get("grade").asString()).isEqualTo("Requires improvement");
    }

    @Test
    void aGradeOffTheScaleOrMissingIsRefusedWithItsCode() {
        String id = request("SR-03");
        var offScale = attempt(id, "submissions", submission("Outstanding"));
        assertThat(offScale.getStatusCode().value()).isEqualTo(409);
        assertThat(JSON.readTree(offScale.getBody()).get("code").asString()).isEqualTo("grade-not-on-scale");
        var missing = attempt(id, "submissions", """
                {"submittedBy":"SPOC","answers":[{"questionId":"q1","answer":"Seen alone"},
                  {"questionId":"q2","answer":"No information held"}]}""");
        assertThat(missing.getStatusCode().value()).isEqualTo(409);
        assertThat(JSON.readTree(missing.getBody()).get("code").asString()).isEqualTo("grade-missing");
    }

    @Test
    void aConcernCarriesItsCategoryAndTheOtherAgenciesToBeTold() {
        String id = request("SR-04");
        JsonNode concern = post(id, "safeguarding-concerns", """
                {"concernId":"c1","raisedBy":"DI Ruby","summary":"Unsafe discharge from A&E",
                 "category":"UNSAFE_PRACTICE","agenciesToInform":["nelft","bhrut"]}""");
        assertThat(concern.get("category").asString()).isEqualTo("UNSAFE_PRACTICE");
        assertThat(concern.get("agenciesToInform").toString()).isEqualTo("[\"nelft\",\"bhrut\"]");
        var badCode = attempt(id, "safeguarding-concerns", """
                {"raisedBy":"DI Ruby","summary":"x","agenciesToInform":["Not An Agency"]}""");
        assertThat(badCode.getStatusCode().value()).isEqualTo(400);
    }

    private static org.springframework.http.ResponseEntity<String> as(String token, HttpMethod method, String path, String body) {
        var spec = client.method(method).uri("/api/return-requests/" + path).header("Authorization", "Bearer " + token);
        if (body != null) {
            spec = spec.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return spec.retrieve().onStatus(status -> true, (request, response) -> { }).toEntity(String.class);
    }

    private static JsonNode versions(String id) {
        return JSON.readTree(client.get().uri("/api/return-requests/" + id + "/versions").retrieve().body(String.class));
    }

    /** Issue 18, item 4: the nominee's own submission is recorded as theirs; another user's as that user's. */
    @Test
    void aNominatedAuditorWithAnAccountIsRecordedAsTheAuditorOfTheirOwnSubmissionOnly() {
        String theirs = request("SR-08");
        post(theirs, "auditor", """
                {"auditor":"DI Ruby","nominatedBy":"SPOC","auditorUserId":"auditor.met-police"}""");
        var submitted = as(TestTokens.auditor("met-police"), HttpMethod.POST, theirs + "/submissions", submission("Good"));
        assertThat(submitted.getStatusCode().value()).isEqualTo(200);
        assertThat(versions(theirs).get(0).get("auditor").asString()).isEqualTo("DI Ruby");

        String another = request("SR-09");
        post(another, "auditor", """
                {"auditor":"DI Ruby","nominatedBy":"SPOC","auditorUserId":"auditor.met-police"}""");
        String colleague = TestTokens.token("auditor2.met-police", "met-police", "AGENCY_AUDITOR");
        assertThat(as(colleague, HttpMethod.POST, another + "/submissions", submission("Good")).getStatusCode().value())
                .isEqualTo(200);
        assertThat(versions(another).get(0).get("auditor").asString()).isEqualTo("auditor2.met-police");

        var badAccount = attempt(another, "auditor", """
                {"auditor":"DI Ruby","nominatedBy":"SPOC","auditorUserId":"not an account"}""");
        assertThat(badAccount.getStatusCode().value()).isEqualTo(400);
    }

    /** Issue 18, item 6: an agency named among those to be told sees the concern here too; no other agency does. */
    @Test
    void anAgencyNamedToBeToldSeesTheConcernOnAnotherAgencysRequest() {
        String id = request("SR-10");
        post(id, "safeguarding-concerns", """
                {"concernId":"c1","raisedBy":"DI Ruby","summary":"Sibling not known to children's services",
                 "category":"CHILD","agenciesToInform":["nelft"]}""");
        var told = as(TestTokens.spoc("nelft"), HttpMethod.GET, id + "/safeguarding-concerns", null);
        assertThat(told.getStatusCode().value()).isEqualTo(200);
        assertThat(JSON.readTree(told.getBody()).findValuesAsString("concernId")).containsExactly("c1");
        assertThat(as(TestTokens.spoc("nelft"), HttpMethod.GET, id, null).getStatusCode().value()).isEqualTo(404);
        assertThat(as(TestTokens.spoc("bhrut"), HttpMethod.GET, id + "/safeguarding-concerns", null).getStatusCode().value())
                .isEqualTo(404);
        JsonNode urgent = JSON.readTree(client.get().uri("/api/safeguarding-concerns/urgent")
                .header("Authorization", "Bearer " + TestTokens.spoc("nelft")).retrieve().body(String.class));
        assertThat(urgent.findValuesAsString("returnRequestId")).contains(id);
    }

    /** Issue 18, item 9: the QA coordinator enters a return received on an earlier day; an agency cannot date one. */
    @Test
    void theQaCoordinatorEntersAReturnReceivedOnAnEarlierDay() {
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/London"));
        LocalDate requested = today.minusDays(60);
        LocalDate due = io.maap.support.calendar.WorkingDayCalendar.englandAndWales().addWorkingDays(requested, 15);
        String id = request("SR-11", requested, due, requested.plusDays(14), null);
        LocalDate receivedOn = io.maap.support.calendar.WorkingDayCalendar.englandAndWales().addWorkingDays(due, 2);
        var byAgency = as(TestTokens.spoc("met-police"), HttpMethod.POST, id + "/submissions",
                submission("Good").replace("{\"submittedBy\"", "{\"receivedOn\":\"" + receivedOn + "\",\"submittedBy\""));
        assertThat(byAgency.getStatusCode().value()).isEqualTo(409);
        assertThat(JSON.readTree(byAgency.getBody()).get("code").asString()).isEqualTo("received-on-partnership-only");
        post(id, "submissions", submission("Good").replace("{\"submittedBy\"",
                "{\"receivedOn\":\"" + receivedOn + "\",\"submittedBy\""));
        JsonNode version = versions(id).get(0);
        assertThat(version.get("submittedOn").asString()).isEqualTo(receivedOn.toString());
        assertThat(version.get("workingDaysLate").asInt()).isEqualTo(2);
    }
}
