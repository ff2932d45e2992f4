package io.maap.auditprogramme.audit;

import io.maap.auditprogramme.AuditProgrammeApplication;
import io.maap.auditprogramme.audit.NorthEastLincolnshireCalendarRowsTest.Row;
import io.maap.support.calendar.WorkingDayCalendar;
import io.maap.testsupport.TestInfrastructure;
import io.maap.testsupport.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seed 001's five calendar rows entered through the REST API, as a QA coordinator would, on a
 * service configured with North East Lincolnshire's own policy (issue 18): each comes out on the
 * seed's dates, the deadline override and the challenge-day override needed exactly where the seed
 * departs from its rules, and refused (409 with its code) without them
 * ({@link NorthEastLincolnshireCalendarRowsTest} has the same at the aggregate).
 */
class NorthEastLincolnshireCalendarApiIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final WorkingDayCalendar CALENDAR = WorkingDayCalendar.englandAndWales();
    private static ConfigurableApplicationContext app;
    private static RestClient client;

    @BeforeAll
    static void start() {
        TestInfrastructure.Database db = TestInfrastructure.newPostgresDatabase("maap_audit_programme_nel_it");
        app = AuditProgrammeApplication.builder().run(TestTokens.trusted(
                "--spring.datasource.url=" + db.jdbcUrl(),
                "--spring.datasource.username=" + db.username(),
                "--spring.datasource.password=" + db.password(),
                "--spring.cloud.stream.kafka.binder.brokers=" + TestInfrastructure.kafkaBootstrapServers(),
                "--server.port=0",
                "--maap.case-references.partnership-code=NEL",
                // North East Lincolnshire's policy (seed 001), as its partnership would configure it.
                "--maap.partnership-policy.versions[0].version=1",
                "--maap.partnership-policy.versions[0].applies-from=2016-01-01",
                "--maap.partnership-policy.versions[0].changed-by=NEL LSCB QA Sub Group",
                "--maap.partnership-policy.versions[0].reason=Seed 001: Multi-Agency Audit Guidance",
                "--maap.partnership-policy.versions[0].return-working-days=15",
                "--maap.partnership-policy.versions[0].reminder-working-day=10",
                "--maap.partnership-policy.versions[0].challenge-day-window-working-days=15",
                "--maap.partnership-policy.versions[0].later-challenge-day=NEEDS_OVERRIDE",
                "--maap.partnership-policy.versions[0].agenda-working-days-before=2",
                "--maap.partnership-policy.versions[0].resubmission-working-days=5",
                "--maap.partnership-policy.versions[0].nil-return-meaning=No involvement historically, previously or currently"));
        client = RestClient.builder()
                .baseUrl("http://localhost:" + app.getEnvironment().getRequiredProperty("local.server.port"))
                .defaultHeader("Authorization", "Bearer " + TestTokens.qaCoordinator()).build();
        call(HttpMethod.POST, "/api/programmes", JSON.createObjectNode().put("programmeId", "nel-2016")
                .put("partnership", "North East Lincolnshire LSCB").put("title", "NEL LSCB audit calendar 2016")
                .put("periodStart", "2016-01-01").put("periodEnd", "2016-12-31").put("agreedOn", "2016-01-04")
                .put("agreedBy", "NEL LSCB QA Sub Group"), 201);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    static List<Row> rows() {
        return NorthEastLincolnshireCalendarRowsTest.rows();
    }

    @ParameterizedTest
    @MethodSource("rows")
    void eachRowEnteredThroughTheApiComesOutOnTheSeedsDatesWithOverridesOnlyWhereTheSeedDeparts(Row row) {
        String auditId = "nel-2016-" + row.toolSent();
        ObjectNode commission = JSON.createObjectNode().put("auditId", auditId).put("programmeId", "nel-2016")
                .put("title", row.title()).put("theme", row.title()).put("leadOfficer", "QA Coordinator")
                .put("toolSentOn", row.toolSent().toString());
        commission.putArray("questions").addObject().put("questionId", "q1").put("text", "Was the child seen?").put("graded", false);
        commission.putArray("cases").addObject().put("caseType", "CHILD_IN_NEED");
        commission.putArray("participatingAgencies").add("nlag");
        if (row.deadlineDeparts()) {
            commission.putObject("deadlineOverride").put("returnDeadline", row.deadline().toString())
                    .put("decidedBy", "NEL LSCB QA Sub Group").put("reason", "Set in the annual audit calendar");
        }
        call(HttpMethod.POST, "/api/audits", commission, 201);

        JsonNode audit = call(HttpMethod.GET, "/api/audits/" + auditId, null, 200);
        assertThat(audit.get("returnDeadline").asString()).isEqualTo(row.deadline().toString());
        assertThat(audit.get("reminderDate").asString()).isEqualTo(CALENDAR.addWorkingDays(row.toolSent(), 10).toString());
        assertThat(audit.get("policy").get("nilReturnMeaning").asString()).isEqualTo("No involvement historically, previously or currently");
        assertThat(absent(audit.get("policy").path("nilReturnLookbackMonths"))).isTrue();
        assertThat(absent(audit.path("deadlineOverride"))).isEqualTo(!row.deadlineDeparts());

        String challengeDay = "/api/audits/" + auditId + "/challenge-day";
        ObjectNode schedule = JSON.createObjectNode().put("challengeDayOn", row.challengeDay().toString());
        if (row.challengeDayDeparts()) {
            JsonNode refused = call(HttpMethod.PUT, challengeDay, schedule, 409);
            assertThat(refused.get("code").asString()).isEqualTo("challenge-day-too-late");
            schedule.putObject("override").put("decidedBy", "NEL LSCB QA Sub Group").put("reason", "Set in the annual audit calendar");
        }
        call(HttpMethod.PUT, challengeDay, schedule, 200);
        JsonNode scheduled = call(HttpMethod.GET, "/api/audits/" + auditId, null, 200).get("challengeDay");
        assertThat(scheduled.get("scheduledOn").asString()).isEqualTo(row.challengeDay().toString());
        assertThat(scheduled.get("latestOn").asString()).isEqualTo(CALENDAR.addWorkingDays(row.deadline(), 15).toString());
        assertThat(absent(scheduled.path("scheduleOverride"))).isEqualTo(!row.challengeDayDeparts());
    }

    private static boolean absent(JsonNode node) {
        return node.isNull() || node.isMissingNode();
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
            return content.length == 0 ? JSON.createObjectNode() : JSON.readTree(content);
        });
    }
}
