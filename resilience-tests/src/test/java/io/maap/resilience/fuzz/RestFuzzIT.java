package io.maap.resilience.fuzz;

import io.maap.local.MaapServices.Service;
import io.maap.resilience.fuzz.MalformedRequests.Case;
import io.maap.resilience.fuzz.OpenApi.Operation;
import io.maap.systemtests.TestPlatform;
import io.maap.testsupport.api.ApiClient;
import io.maap.testsupport.api.ApiClient.Response;
import io.maap.testsupport.api.Commission;
import io.maap.testsupport.api.ReturnRequests;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad-input fuzzing of every operation every service publishes in its OpenAPI
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
        List<String> failures = new ArrayList<>();
        Map<String, Integer> statuses = new TreeMap<>();
        int sent = 0;
        long started = System.nanoTime();
        for (Service service : Service.apis()) {
            ApiClient client = TestPlatform.api(service);
            OpenApi api = OpenApi.read(client);
            JsonSamples samples = new JsonSamples(api, "fz" + Long.toHexString(settings.seed() & 0xffffL));
            for (Operation operation : api.operations()) {
                if (NOT_FUZZED.contains(service + " " + operation)) {
                    continue;
                }
                var requests = new MalformedRequests(operation, samples, settings.random(service + " " + operation),
                        settings.iterations());
                for (Case c : requests.cases()) {
                    Response response = client.send(c.method(), c.pathAndQuery(), c.body(), c.contentType(), c.headers());
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

        List<String> afterwards = stillAnswering();
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
        String audit = "fuzz-nul-" + UUID.randomUUID().toString().substring(0, 8);
        Commission commission = Commission.audit(audit).programme("redbridge-2026-27").titled("NUL fixture", "Neglect")
                .toolSentOn(LocalDate.now().minusDays(3)).cases(1).agencies("met-police");
        ApiClient audits = TestPlatform.api(Service.AUDIT_PROGRAMME);
        ApiClient returns = TestPlatform.api(Service.CASE_RETURN);
        List<String> failures = new ArrayList<>();
        check(failures, "commission with a NUL in the title", audits.send("POST", "/api/audits",
                commission.json().put("auditId", audit + "-x").put("title", "NUL \u0000 title")));
        String caseReference = Commission.issuedReferences(audits.post("/api/audits", commission, 201)).get(0);

        String request = "/api/return-requests/" + ReturnRequests.await(returns, audit, caseReference, "met-police");
        var acknowledgement = JSON.createObjectNode().put("acknowledgedBy", "SPOC Met").put("caseHolder", "DC \u0000Jones")
                .put("lineManager", "DS Patel");
        check(failures, "acknowledgement with a NUL in a name", returns.send("POST", request + "/acknowledgement", acknowledgement));
        var concern = JSON.createObjectNode().put("concernId", "c1").put("raisedBy", "QA").put("summary", "A\u0000B");
        check(failures, "safeguarding concern with a NUL in the summary", returns.send("POST", request + "/safeguarding-concerns",
                concern));
        assertThat(returns.get(request).status()).isEqualTo(200);
        assertThat(failures).isEmpty();
    }

    private static void check(List<String> failures, String what, Response response) {
        String problem = problemWith(response);
        if (problem != null || response.status() < 400) {
            failures.add(what + ": " + response.status() + " " + snippet(response.body()));
        }
    }

    /** Why the answer is wrong, or null: no 5xx, no dropped connection, every 4xx a problem detail. */
    static String problemWith(Response response) {
        if (!response.answered()) {
            return "no HTTP answer (" + response.error() + ")";
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
    private static List<String> stillAnswering() {
        List<String> failures = new ArrayList<>();
        Map<Service, String> ordinary = Map.of(
                Service.AUDIT_PROGRAMME, "/v3/api-docs",
                Service.CASE_RETURN, "/api/return-requests?agency=met-police",
                Service.ACTION_PLAN, "/api/actions",
                Service.REPORTING, "/api/outstanding-returns?size=5",
                Service.NOTIFICATION, "/api/notifications");
        for (Service service : Service.apis()) {
            for (String probe : List.of("/actuator/health/liveness", "/actuator/health/readiness")) {
                Response health = TestPlatform.api(service, null).get(probe);
                if (health.status() != 200) {
                    failures.add(service + " " + probe + ": " + health.describe());
                }
            }
            Response answer = TestPlatform.api(service).get(ordinary.get(service));
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
