package io.maap.local;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Carries the Redbridge 2017-18 programme through as seed 000 dates it, through the same REST
 * commands people use, each with its business date: every agency's returns received on their
 * days (a few late, a few nil) and accepted, entered by the QA coordinator as returns received
 * then; then each audit's steps (returns closed, analysed, round table held, report to the
 * Working Group, the Executive's sign-off, monitoring, closure; each round table held in the week
 * the plan gave it, so the schedule keeps the plan as agreed) and the Section 11 audit's (each
 * agency's self-assessment, challenge panel and action plan, the July Board, its reviews and
 * closure). A return already accepted and an audit already closed are left as they are, so
 * loading twice changes nothing.
 */
final class HistoricYearDemoData {

    private static final Logger log = LoggerFactory.getLogger(HistoricYearDemoData.class);
    static final String RESOURCE = "demo/redbridge-2017-18-history.json";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration ARRIVAL_TIMEOUT = Duration.ofSeconds(120);

    private HistoricYearDemoData() {
    }

    /** Every agency's returns of the programme's audits, received on the seed's days, and accepted. */
    static int loadReturns(Api api, String caseReturnUrl) {
        JsonNode history = read();
        RestClient client = api.client(caseReturnUrl);
        String acceptedBy = history.get("acceptedBy").asString();
        int entered = 0;
        for (JsonNode audit : history.get("returns")) {
            String auditId = audit.get("auditId").asString();
            for (JsonNode agencyCode : history.get("agencies")) {
                String agency = agencyCode.asString();
                List<JsonNode> requests = requests(client, auditId, agency, audit.get("cases").asInt());
                for (int i = 0; i < requests.size(); i++) {
                    JsonNode request = requests.get(i);
                    if ("ACCEPTED".equals(request.get("status").asString())) {
                        continue;
                    }
                    JsonNode exception = exception(audit, agency, i + 1);
                    String receivedOn = exception != null ? exception.get("receivedOn").asString() : audit.get("receivedOn").asString();
                    boolean nil = exception != null && exception.path("nil").asBoolean(false);
                    String id = request.get("returnRequestId").asString();
                    String spoc = "SPOC, " + agency;
                    if (nil) {
                        post(client, id, "nil-return", JSON.createObjectNode().put("submittedBy", spoc).put("receivedOn", receivedOn));
                    } else {
                        post(client, id, "acknowledgement", JSON.createObjectNode().put("acknowledgedBy", spoc)
                                .put("caseHolder", "Case holder, " + agency).put("lineManager", "Team manager, " + agency)
                                .put("auditor", "Independent auditor, " + agency));
                        post(client, id, "submissions", submission(spoc, receivedOn, i));
                    }
                    post(client, id, "acceptance", JSON.createObjectNode().put("version", 1).put("acceptedBy", acceptedBy));
                    entered++;
                }
            }
        }
        log.info("Demo data: {} returns of the 2017-18 programme entered on the days they were received", entered);
        return entered;
    }

    /** Each audit's steps on the seed's dates, unless the audit is closed already. */
    static int loadSteps(Api api, String auditProgrammeUrl) {
        RestClient client = api.client(auditProgrammeUrl);
        int steps = 0;
        for (JsonNode audit : read().get("audits")) {
            String auditId = audit.get("auditId").asString();
            JsonNode current = JSON.readTree(client.get().uri("/api/audits/{id}", auditId).retrieve().body(String.class));
            if ("CLOSED".equals(current.get("status").asString())) {
                continue;
            }
            for (JsonNode step : audit.get("steps")) {
                client.post().uri(step.get("path").asString())
                        .contentType(MediaType.APPLICATION_JSON).body(step.get("body").toString()).retrieve().toBodilessEntity();
                steps++;
            }
        }
        log.info("Demo data: {} steps of the 2017-18 audits taken on the seed's dates", steps);
        return steps;
    }

    private static JsonNode exception(JsonNode audit, String agency, int caseNumber) {
        for (JsonNode exception : audit.get("exceptions")) {
            if (exception.get("agency").asString().equals(agency) && exception.get("case").asInt() == caseNumber) {
                return exception;
            }
        }
        return null;
    }

    private static final String[] GRADES = {"Good", "Requires improvement", "Good", "Outstanding", "Inadequate"};

    /** An answer to every question of the 2017-18 tool (q1 to q4 graded, q5 not), graded in turn across the scale. */
    private static ObjectNode submission(String spoc, String receivedOn, int caseIndex) {
        ObjectNode body = JSON.createObjectNode().put("submittedBy", spoc).put("receivedOn", receivedOn);
        var answers = body.putArray("answers");
        String[] texts = {
                "Seen alone at two visits; wishes recorded and reflected in the plan.",
                "Outcomes are specific and dated; two lack a measure of success.",
                "Shared with the other agencies within a day of each strategy discussion.",
                "Supervision recorded monthly; drift challenged once.",
                "Previous involvement summarised in the chronology and used in the risk analysis."};
        for (int q = 0; q < texts.length; q++) {
            ObjectNode answer = answers.addObject().put("questionId", QUESTION_IDS[q]).put("answer", texts[q]);
            if (q < 4) {
                answer.put("grade", GRADES[(caseIndex + q) % GRADES.length]);
            }
        }
        return body;
    }

    private static final String[] QUESTION_IDS = {
            "q1-child-seen", "q2-smart-plan", "q3-information-sharing", "q4-management-oversight", "q5-history"};

    /** The agency's requests of the audit in case order, once case-return-service has created them all. */
    private static List<JsonNode> requests(RestClient client, String auditId, String agency, int cases) {
        long deadline = System.nanoTime() + ARRIVAL_TIMEOUT.toNanos();
        while (true) {
            JsonNode found = JSON.readTree(client.get()
                    .uri("/api/return-requests?agency={agency}&auditId={auditId}&outstanding=false", agency, auditId)
                    .retrieve().body(String.class));
            if (found.size() >= cases) {
                List<JsonNode> requests = new ArrayList<>();
                found.forEach(requests::add);
                requests.sort(Comparator.comparing(r -> r.get("caseReference").asString()));
                return requests;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Return requests of " + auditId + " for " + agency + " did not arrive");
            }
            sleep();
        }
    }

    private static void post(RestClient client, String requestId, String action, JsonNode body) {
        client.post().uri("/api/return-requests/{id}/{action}", requestId, action)
                .contentType(MediaType.APPLICATION_JSON).body(body.toString()).retrieve().toBodilessEntity();
    }

    private static void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode read() {
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
