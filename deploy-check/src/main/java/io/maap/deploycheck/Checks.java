package io.maap.deploycheck;

import com.fasterxml.jackson.databind.JsonNode;
import io.maap.deploycheck.checks.AgencyAccess;
import io.maap.deploycheck.checks.Api;
import io.maap.deploycheck.checks.Browser;
import io.maap.deploycheck.checks.DashboardSignIn;
import io.maap.deploycheck.checks.EventCounts;
import io.maap.deploycheck.checks.Oidc;
import io.maap.deploycheck.compose.ComposeFile;
import io.maap.deploycheck.compose.ComposeService;
import io.maap.deploycheck.scale.ScaleOut;
import io.maap.deploycheck.stack.Stack;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * The checks run once every part is up, as the deployment's users meet it: people signing in
 * on Keycloak's page and calling the services, the dashboard, an agency system on the agencies'
 * listener, reporting's rebuilds and "as at" views; then every part stopped and started afresh
 * (volumes kept) and every event still there.
 */
final class Checks {

    private static final String PASSWORD = "demo";
    /**
     * The scale-out phase (and its second instances) runs unless DEPLOY_CHECK_SCALE_OUT=0
     * (docs/deployment-check.md, "Scale-out").
     */
    static final boolean SCALE_OUT = !"0".equals(System.getenv("DEPLOY_CHECK_SCALE_OUT"));

    private final Stack stack;
    private final ComposeFile compose;
    private final Report report;
    private final Path project;
    private final String auditId;
    /** The reference the partnership issued to the check audit's one case, from the commissioning's answer. */
    private String caseReference;
    private String token;

    private Checks(Stack stack, ComposeFile compose, Report report, Path project) {
        this.stack = stack;
        this.compose = compose;
        this.report = report;
        this.project = project;
        this.auditId = "deploy-check-" + Long.toHexString(System.nanoTime() & 0xffffff);
    }

    static void all(Stack stack, ComposeFile compose, Report report, Path project) throws Exception {
        new Checks(stack, compose, report, project).run();
    }

    private void run() throws Exception {
        String realm = realmUrl();
        report.check("sign-in on Keycloak's page", () -> {
            token = Oidc.signIn(new Browser(), realm, "qa.coordinator", PASSWORD);
            JsonNode claims = Oidc.claims(token);
            if (!claims.hasNonNull("sub")) {
                throw new IllegalStateException("the access token has no sub claim: " + claims.fieldNames());
            }
            return "qa.coordinator, authorization code + PKCE; token for sub " + claims.get("sub").asText().substring(0, 8)
                    + "..., roles " + claims.get("roles") + ", aud " + claims.get("aud") + ", iss " + claims.get("iss").asText();
        });
        if (token == null) {
            return;
        }
        servicesAcceptTheToken();
        report.check("dashboard sign-in and sign-out", () -> DashboardSignIn.check(new Browser(),
                "http://localhost:" + published("web-dashboard", 8080), realm, "qa.coordinator", PASSWORD));
        AgencyAccess agencies = new AgencyAccess(compose, stack, project);
        agencies.checks(report, auditId, caseReference);
        reporting();
        if (SCALE_OUT) {
            ScaleOut.run(stack, compose, report, token, stack.environmentAsRun("reporting-service", "MONGODB_URI"));
        }
        persistence();
    }

    private void servicesAcceptTheToken() {
        Api audits = api("audit-programme-service", 8081);
        report.check("audit-programme-service accepts the token", () -> {
            String body = "{\"auditId\":\"" + auditId + "\",\"programmeId\":\"deploy-check\",\"title\":\"Deployment check\","
                    + "\"theme\":\"Deployment check\",\"leadOfficer\":\"QA coordinator\",\"toolSentOn\":\"2017-07-03\","
                    + "\"questions\":[{\"questionId\":\"q1\",\"text\":\"Was the child seen?\",\"graded\":true}],"
                    + "\"cases\":[{\"caseType\":\"CHILD_PROTECTION\"}],"
                    + "\"participatingAgencies\":[\"met-police\",\"nelft\"]}";
            Api.Answer answer = audits.post("/api/audits", body);
            expect(answer, 201, "POST /api/audits");
            caseReference = answer.json().get("cases").get(0).get("caseReference").asText();
            return "POST /api/audits " + auditId + ": 201, case reference " + caseReference + " issued";
        });
        report.check("case-return-service accepts the token", () -> {
            Api.Answer answer = api("case-return-service", 8082).await("/api/return-requests?auditId=" + auditId,
                    Duration.ofSeconds(60), a -> a.status() == 200 && a.body().contains("met-police") && a.body().contains("nelft"));
            return "GET /api/return-requests: 200, the audit's two requests (from the audit programme's event over SCRAM)";
        });
        report.check("action-plan-service accepts the token", () -> {
            api("action-plan-service", 8083).await("/api/audits/" + auditId, Duration.ofSeconds(60), a -> a.status() == 200);
            return "GET /api/audits/" + auditId + ": 200";
        });
        report.check("reporting-service accepts the token", () -> {
            api("reporting-service", 8084).await("/api/outstanding-returns?auditId=" + auditId, Duration.ofSeconds(60),
                    a -> a.status() == 200 && a.body().contains("\"total\":2"));
            return "GET /api/outstanding-returns: 200, 2 outstanding (events read from Kafka into MongoDB)";
        });
        report.check("a request without a token is refused", () -> {
            Api.Answer answer = new Api("http://localhost:" + published("reporting-service", 8084), null)
                    .get("/api/outstanding-returns?auditId=" + auditId);
            expect(answer, 401, "GET without a token");
            return "401";
        });
    }

    private void reporting() {
        Api reporting = api("reporting-service", 8084);
        report.check("'as at' view under SASL", () -> {
            // "as at" is rounded down to the second: ask for the next whole second, once it has passed
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
            Thread.sleep(Math.max(0, Duration.between(Instant.now(), now).toMillis() + 20));
            Api.Answer answer = reporting.await("/api/outstanding-returns?auditId=" + auditId + "&asAt=" + now,
                    Duration.ofSeconds(60), a -> a.status() == 200 && a.body().contains("\"total\":2"));
            Api.Answer before = reporting.get("/api/outstanding-returns?auditId=" + auditId + "&asAt=2001-01-01T00:00:00Z");
            expect(before, 200, "GET as at 2001");
            if (before.body().contains("\"total\":2")) {
                throw new IllegalStateException("as at 2001 the audit's returns are already there: " + before.body());
            }
            return "as at now: 2 outstanding; as at 2001: none (read from the Kafka log by the event log's SASL consumer)";
        });
        report.check("rebuild under SASL", () -> {
            Api.Answer started = reporting.post("/api/rebuilds", null);
            expect(started, 202, "POST /api/rebuilds");
            Api.Answer done = reporting.await("/api/rebuilds/current", Duration.ofSeconds(120),
                    a -> a.status() == 200 && (a.body().contains("\"COMPLETED\"") || a.body().contains("\"FAILED\"")));
            if (!done.body().contains("\"COMPLETED\"")) {
                throw new IllegalStateException("the rebuild failed: " + done.body());
            }
            reporting.await("/api/outstanding-returns?auditId=" + auditId, Duration.ofSeconds(30),
                    a -> a.status() == 200 && a.body().contains("\"total\":2"));
            JsonNode progress = done.json();
            return "POST /api/rebuilds: 202; COMPLETED, " + progress.get("eventsDone").asLong() + " events replayed from the log; "
                    + "2 outstanding still reported";
        });
    }

    private void persistence() throws Exception {
        EventCounts counts = new EventCounts(compose);
        Map<String, Long> before = counts.count();
        report.note("events", "before the restart: " + before);
        report.check("stop and start every part", () -> {
            stack.recreate();
            if (!stack.up(Duration.ofMinutes(15L * Stack.PATIENCE))) {
                throw new IllegalStateException("the stack did not come back up");
            }
            return "every container made afresh, volumes kept; all up again";
        });
        report.check("every event still there", () -> {
            Map<String, Long> after = counts.count();
            List<String> lost = before.entrySet().stream().filter(e -> after.getOrDefault(e.getKey(), 0L) < e.getValue())
                    .map(e -> e.getKey() + " " + e.getValue() + " → " + after.get(e.getKey())).toList();
            if (!lost.isEmpty() || before.values().stream().mapToLong(Long::longValue).sum() == 0) {
                throw new IllegalStateException("lost: " + lost + " (before " + before + ", after " + after + ")");
            }
            return after.toString();
        });
        report.check("read model and sign-in after the restart", () -> {
            String again = Oidc.signIn(new Browser(), realmUrl(), "qa.coordinator", PASSWORD);
            new Api("http://localhost:" + published("reporting-service", 8084), again).await("/api/outstanding-returns?auditId="
                    + auditId, Duration.ofSeconds(60), a -> a.status() == 200 && a.body().contains("\"total\":2"));
            return "signed in again (Keycloak's realm and users in PostgreSQL); 2 outstanding returns still reported";
        });
    }

    private Api api(String service, int target) {
        return new Api("http://localhost:" + published(service, target), token);
    }

    private String realmUrl() {
        return "http://localhost:" + published("keycloak", 8080) + "/realms/maap";
    }

    private int published(String service, int target) {
        for (ComposeService.Port port : compose.service(service).ports()) {
            if (port.target() == target) {
                return port.published();
            }
        }
        throw new IllegalStateException(service + " publishes no port for " + target);
    }

    private static void expect(Api.Answer answer, int status, String what) {
        if (answer.status() != status) {
            throw new IllegalStateException(what + " answered " + answer.status() + " (expected " + status + "): "
                    + answer.body().substring(0, Math.min(300, answer.body().length())));
        }
    }
}
