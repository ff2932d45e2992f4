package io.maap.auditprogramme.policy;

import io.maap.auditprogramme.AuditProgrammeApplication;
import io.maap.testsupport.TestInfrastructure;
import io.maap.testsupport.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The partnership's policy over REST on a real event store (issue 18): versions read with who, why
 * and from when; a new version adopted by the QA coordinator only, attributed, applying from a day;
 * an audit keeps the version in force when its tool was sent; bad input answered with problem details.
 */
class PolicyApiIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static ConfigurableApplicationContext app;
    private static String baseUrl;

    @BeforeAll
    static void start() {
        TestInfrastructure.Database db = TestInfrastructure.newPostgresDatabase("maap_audit_programme_policy_it");
        app = AuditProgrammeApplication.builder().run(TestTokens.trusted(
                "--spring.datasource.url=" + db.jdbcUrl(),
                "--spring.datasource.username=" + db.username(),
                "--spring.datasource.password=" + db.password(),
                "--spring.cloud.stream.kafka.binder.brokers=" + TestInfrastructure.kafkaBootstrapServers(),
                "--server.port=0"));
        baseUrl = "http://localhost:" + app.getEnvironment().getRequiredProperty("local.server.port");
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    private static JsonNode call(String token, HttpMethod method, String path, JsonNode body, int expectedStatus) {
        var request = RestClient.builder().baseUrl(baseUrl).defaultHeader("Authorization", "Bearer " + token).build()
                .method(method).uri(path);
        if (body != null) {
            request = request.contentType(MediaType.APPLICATION_JSON).body(body.toString());
        }
        return request.exchange((req, response) -> {
            byte[] content = response.getBody().readAllBytes();
            assertThat(response.getStatusCode().value()).as("%s %s: %s", method, path, new String(content))
                    .isEqualTo(expectedStatus);
            if (expectedStatus >= 400 && content.length > 0) {
                assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
            }
            return content.length == 0 ? JSON.createObjectNode() : JSON.readTree(content);
        });
    }

    private static ObjectNode version(LocalDate appliesFrom) {
        ObjectNode body = JSON.createObjectNode().put("appliesFrom", appliesFrom.toString())
                .put("changedBy", "NEL LSCB QA Sub Group").put("reason", "Agencies asked for longer to resubmit")
                .put("returnWorkingDays", 15).put("reminderWorkingDay", 10).put("challengeDayWindowWorkingDays", 15)
                .put("laterChallengeDay", "NEEDS_OVERRIDE").put("agendaWorkingDaysBefore", 2)
                .put("resubmissionWorkingDays", 10)
                .put("nilReturnMeaning", "No involvement historically, previously or currently");
        body.putNull("nilReturnLookbackMonths");
        return body;
    }

    @Test
    void theQaCoordinatorAdoptsAVersionAttributedAndFromADayAndAnAuditKeepsItsOwn() {
        String qa = TestTokens.qaCoordinator();
        JsonNode before = call(qa, HttpMethod.GET, "/api/partnership-policies", null, 200);
        assertThat(before).hasSize(1);
        assertThat(before.get(0).get("policy").get("changedBy").asString()).isEqualTo("MAAP defaults");
        assertThat(before.get(0).get("inForceToday").asBoolean()).isTrue();

        LocalDate tomorrow = LocalDate.now(ZoneId.of("Europe/London")).plusDays(1);
        JsonNode adopted = call(qa, HttpMethod.POST, "/api/partnership-policies", version(tomorrow), 201);
        assertThat(adopted.get("policy").get("version").asInt()).isEqualTo(2);
        assertThat(adopted.get("policy").get("appliesFrom").asString()).isEqualTo(tomorrow.toString());
        assertThat(adopted.get("policy").get("resubmissionWorkingDays").asInt()).isEqualTo(10);
        assertThat(adopted.get("recordedBy").asString()).isNotBlank();
        assertThat(adopted.get("inForceToday").asBoolean()).isFalse();
        call(qa, HttpMethod.POST, "/api/partnership-policies", version(tomorrow), 201);

        JsonNode after = call(TestTokens.spoc("nelft"), HttpMethod.GET, "/api/partnership-policies", null, 200);
        assertThat(after).hasSize(2);
        assertThat(after.get(1).get("policy").get("reason").asString()).isEqualTo("Agencies asked for longer to resubmit");
    }

    @Test
    void onlyTheQaCoordinatorChangesThePolicy() {
        call(TestTokens.spoc("nelft"), HttpMethod.POST, "/api/partnership-policies", version(LocalDate.of(2099, 1, 1)), 403);
        call(TestTokens.boardMember(), HttpMethod.POST, "/api/partnership-policies", version(LocalDate.of(2099, 1, 1)), 403);
    }

    @Test
    void badInputIsAnsweredWithProblemDetails() {
        ObjectNode unexplained = version(LocalDate.of(2099, 1, 1));
        unexplained.remove("changedBy");
        unexplained.put("returnWorkingDays", 0);
        JsonNode invalid = call(TestTokens.qaCoordinator(), HttpMethod.POST, "/api/partnership-policies", unexplained, 400);
        assertThat(invalid.toString()).contains("changedBy", "returnWorkingDays");
        JsonNode past = call(TestTokens.qaCoordinator(), HttpMethod.POST, "/api/partnership-policies",
                version(LocalDate.of(2020, 1, 1)), 409);
        assertThat(past.get("code").asString()).isEqualTo("policy-applies-in-the-past");
    }
}
