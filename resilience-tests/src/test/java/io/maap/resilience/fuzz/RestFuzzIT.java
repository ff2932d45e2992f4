package io.maap.local.fuzz;

import io.maap.local.MaapServices;
import io.maap.local.MaapServices.Service;
import io.maap.local.TestPlatform;
import io.maap.local.fuzz.MalformedRequests.Case;
import io.maap.local.fuzz.OpenApi.Operation;
import io.maap.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10's bad-input fuzzing of every operation every service publishes in its OpenAPI
 * document, as the QA coordinator (who may call all of them, so that security does not hide a
 * handler's bugs): malformed bodies derived from the request schema, bad path segments and query
 * values, wrong content types, methods and Accept headers, oversized bodies and seeded random
 * input. Nothing may answer 5xx or drop the connection; every 4xx is a problem detail; and the
 * services answer normally afterwards. All failures are reported together.
 * {@code -Dmaap.fuzz.seed=} and {@code -Dmaap.fuzz.iterations=} (random cases per operation)
 * change the run (see {@link FuzzSettings}).
 */
class RestFuzzIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Takes no input at all, and would start a rebuild of every read model on each call. */
    private static final Set<String> NOT_FUZZED = Set.of("REPORTING POST /api/rebuilds");
    private static final int MAX_REPORTED = 300;

    @Test
    void noMalformedRequestGetsA5xxAndEvery4xxIsAProblemDetail() {
        FuzzSettings settings = FuzzSettings.fromSystemProperties("RestFuzzIT", 4);
        MaapServices services = TestPlatform.services();
        String token = TestTokens.qaCoordinator();
        List<String> failures = new ArrayList<>();
        Map<String, Integer> statuses = new TreeMap<>();
        int sent = 0;
        long started = System.nanoTime();
        for (Service service : Service.apis()) {
            String baseUrl = services.baseUrl(service);
            OpenApi api = OpenApi.read(baseUrl, token);
            JsonSamples samples = new JsonSamples(api, "fz" + Long.toHexString(settings.seed() & 0xffffL));
            for (Operation operation : api.operations()) {
                if (NOT_FUZZED.contains(service + " " + operation)) {
                    continue;
                }
                var requests = new MalformedRequests(operation, samples, settings.random(service + " " + operation),
                        settings.iterations());
                for (Case c : requests.cases()) {
                    RawHttp.Response response = RawHttp.send(c.method(), baseUrl + c.pathAndQuery(), token, c.body(),
                            c.contentType(), c.headers());
                    sent++;
                    statuses.merge(response.answered() ? response.status() / 100 + "xx" : "no answer", 1, Integer::sum);
                    String problem = problemWith(response);
                    if (problem != null) {
                        failures.add(service + " " + operation + " [" + c.name() + "] " + c.method() + " "
                                + MalformedRequests.abbreviate(c.pathAndQuery()) + ": " + problem);
                    }
                }
            }
        }
        System.out.printf("RestFuzzIT: %d requests in %d s, %s; %d failures%n", sent,
                (System.nanoTime() - started) / 1_000_000_000L, statuses, failures.size());
        FuzzReport.write("rest-failures.txt", failures);

        List<String> afterwards = stillAnswering(services, token);
        assertThat(afterwards).as("the services after the fuzzing").isEmpty();
        assertThat(failures.stream().limit(MAX_REPORTED).toList()).as("%d of %d malformed requests were mishandled "
                + "(seed %d; all in target/fuzz-reports/rest-failures.txt); the first %d:",
                failures.size(), sent, settings.seed(), MAX_REPORTED).isEmpty();
    }

    /**
     * Text holding NUL, in requests that are otherwise valid and reach real objects: PostgreSQL
     * cannot store it, so it must be refused as input rather than fail in a projection.
     */
    @Test
    void textHoldingNulIsRefusedAsInputEvenWhereTheRestOfTheRequestIsValid() {
        MaapServices services = TestPlatform.services();
        String token = TestTokens.qaCoordinator();
        String audit = "fuzz-nul-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        String caseReference = "RBR-2611-N01";
        var commission = JSON.createObjectNode().put("auditId", audit).put("programmeId", "redbridge-2026-27")
                .put("title", "NUL fixture").put("theme", "Neglect").put("leadOfficer", "QA")
                .put("toolSentOn", java.time.LocalDate.now().minusDays(3).toString());
        commission.putArray("questions").addObject().put("questionId", "q1").put("text", "Was the child seen?").put("graded", true);
        commission.putArray("cases").addObject().put("caseReference", caseReference).put("caseType", "CHILD_PROTECTION");
        commission.putArray("participatingAgencies").add("met-police");
        String auditUrl = services.baseUrl(Service.AUDIT_PROGRAMME) + "/api/audits";
        List<String> failures = new ArrayList<>();
        RawHttp.Response nulTitle = RawHttp.send("POST", auditUrl, token,
                commission.deepCopy().put("auditId", audit + "-x").put("title", "NUL \u0000 title").toString()
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8), "application/json", Map.of());
        check(failures, "commission with a NUL in the title", nulTitle);
        RawHttp.Response created = RawHttp.send("POST", auditUrl, token,
                commission.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8), "application/json", Map.of());
        assertThat(created.status()).as(created.body()).isEqualTo(201);

        String request = services.baseUrl(Service.CASE_RETURN) + "/api/return-requests/"
                + io.maap.casereturn.request.command.RequestReturn.idFor(audit, caseReference, "met-police");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
                .until(() -> RawHttp.get(request, token).status() == 200);
        var acknowledgement = JSON.createObjectNode().put("acknowledgedBy", "SPOC Met").put("caseHolder", "DC \u0000Jones")
                .put("lineManager", "DS Patel");
        check(failures, "acknowledgement with a NUL in a name", RawHttp.send("POST", request + "/acknowledgement", token,
                acknowledgement.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8), "application/json", Map.of()));
        var concern = JSON.createObjectNode().put("concernId", "c1").put("raisedBy", "QA").put("summary", "A\u0000B");
        check(failures, "safeguarding concern with a NUL in the summary", RawHttp.send("POST", request + "/safeguarding-concerns",
                token, concern.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8), "application/json", Map.of()));
        assertThat(RawHttp.get(request, token).status()).isEqualTo(200);
        assertThat(failures).isEmpty();
    }

    private static void check(List<String> failures, String what, RawHttp.Response response) {
        String problem = problemWith(response);
        if (problem != null || response.status() < 400) {
            failures.add(what + ": " + response.status() + " " + snippet(response.body()));
        }
    }

    /** Why the answer is wrong, or null: no 5xx, no dropped connection, every 4xx a problem detail. */
    static String problemWith(RawHttp.Response response) {
        if (!response.answered()) {
            return "no HTTP answer (" + response.failure() + ")";
        }
        int status = response.status();
        if (status >= 500) {
            return status + " " + snippet(response.body());
        }
        if (status < 400) {
            return null;
        }
        if (!response.contentType().startsWith("application/problem+json")) {
            return status + " with Content-Type '" + response.contentType() + "': " + snippet(response.body());
        }
        try {
            JsonNode problem = JSON.readTree(response.body());
            if (!problem.path("type").isString() || !problem.path("title").isString()
                    || problem.path("status").asInt() != status) {
                return status + " problem detail without type, title or the right status: " + snippet(response.body());
            }
        } catch (RuntimeException e) {
            return status + " problem detail that is not JSON: " + snippet(response.body());
        }
        return null;
    }

    /** Health and one ordinary request per service. */
    private static List<String> stillAnswering(MaapServices services, String token) {
        List<String> failures = new ArrayList<>();
        Map<Service, String> ordinary = Map.of(
                Service.AUDIT_PROGRAMME, "/v3/api-docs",
                Service.CASE_RETURN, "/api/return-requests?agency=met-police",
                Service.ACTION_PLAN, "/api/actions",
                Service.REPORTING, "/api/outstanding-returns?size=5");
        for (Service service : Service.apis()) {
            for (String probe : List.of("/actuator/health/liveness", "/actuator/health/readiness")) {
                RawHttp.Response health = RawHttp.get(services.baseUrl(service) + probe, null);
                if (health.status() != 200) {
                    failures.add(service + " " + probe + ": " + health.status() + " " + health.body() + " " + health.failure());
                }
            }
            RawHttp.Response answer = RawHttp.get(services.baseUrl(service) + ordinary.get(service), token);
            if (answer.status() != 200) {
                failures.add(service + " " + ordinary.get(service) + ": " + answer.status() + " " + snippet(answer.body()));
            }
        }
        return failures;
    }

    static String snippet(String body) {
        String flat = body.replaceAll("\\s+", " ");
        return flat.length() <= 300 ? flat : flat.substring(0, 300) + "...";
    }
}
