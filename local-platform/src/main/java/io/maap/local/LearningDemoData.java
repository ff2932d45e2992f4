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
import java.util.List;
import java.util.Map;

/**
 * Enters the challenge-day findings and action plans of the demo audits through
 * action-plan-service's REST API, once each audit's commissioning has reached that service over
 * Kafka. Every command carries its own id, so loading twice changes nothing.
 */
final class LearningDemoData {

    private static final Logger log = LoggerFactory.getLogger(LearningDemoData.class);
    static final String RESOURCE = "demo/redbridge-2017-18-learning.json";
    private static final Duration AUDIT_ARRIVAL_TIMEOUT = Duration.ofSeconds(120);

    private LearningDemoData() {
    }

    /** {@code references}: the reference issued to each case the file names by its label (see {@link DemoData}). */
    static void load(Api api, String actionPlanBaseUrl, Map<String, String> references) {
        RestClient client = api.client(actionPlanBaseUrl);
        int findings = 0;
        int actions = 0;
        for (JsonNode audit : read().get("audits")) {
            String base = "/api/audits/" + audit.get("auditId").asString();
            awaitKnown(client, base);
            for (JsonNode finding : audit.get("findings")) {
                post(client, base + "/findings", issued(finding, references));
                findings++;
            }
            for (JsonNode recognition : audit.get("recognitions")) {
                post(client, base + "/findings/" + recognition.get("findingId").asString() + "/recognition", recognition);
            }
            for (JsonNode plan : audit.get("plans")) {
                String planPath = base + "/action-plans/" + plan.get("planId").asString();
                ObjectNode draft = ((ObjectNode) plan.deepCopy()).remove(List.of("actions", "agreement", "dissemination"));
                post(client, base + "/action-plans", draft);
                for (JsonNode action : plan.get("actions")) {
                    post(client, planPath + "/actions", action);
                    actions++;
                }
                post(client, planPath + "/agreement", namingTheMeeting(plan.get("agreement"), "agreedBy", "agreedOn"));
                post(client, planPath + "/dissemination", plan.get("dissemination"));
            }
            for (JsonNode update : audit.get("progress")) {
                post(client, base + "/actions/" + update.get("actionId").asString() + "/progress-updates", update);
            }
            for (JsonNode closure : audit.get("closures")) {
                post(client, base + "/actions/" + closure.get("actionId").asString() + "/closure",
                        namingTheMeeting(closure, "closedBy", "closedOn"));
            }
        }
        log.info("Demo data: {} findings and {} actions entered in action-plan-service", findings, actions);
    }

    /** The finding with the references the partnership issued in place of the file's labels. */
    private static JsonNode issued(JsonNode finding, Map<String, String> references) {
        ObjectNode copy = (ObjectNode) finding.deepCopy();
        if (finding.has("references")) {
            var issued = copy.putArray("references");
            finding.get("references").forEach(label -> issued.add(references.getOrDefault(label.asString(), label.asString())));
        }
        return copy;
    }

    /**
     * The QA coordinator enters the Board's decisions, so each names the meeting that took it: the
     * body's own {@code boardMeeting}, else who decided and on which day.
     */
    private static JsonNode namingTheMeeting(JsonNode decision, String by, String on) {
        if (decision.has("boardMeeting")) {
            return decision;
        }
        String meeting = decision.get(by).asString() + (decision.has(on) ? ", " + decision.get(on).asString() : "");
        return ((ObjectNode) decision.deepCopy()).put("boardMeeting", meeting);
    }

    static void awaitKnown(RestClient client, String auditPath) {
        long deadline = System.nanoTime() + AUDIT_ARRIVAL_TIMEOUT.toNanos();
        while (client.get().uri(auditPath).exchange((request, response) -> response.getStatusCode().value()) != 200) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(auditPath + " did not reach action-plan-service in "
                        + AUDIT_ARRIVAL_TIMEOUT.toSeconds() + " s");
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + auditPath, e);
            }
        }
    }

    private static void post(RestClient client, String path, JsonNode body) {
        client.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body.toString()).retrieve().toBodilessEntity();
    }

    private static JsonNode read() {
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            return JsonMapper.builder().build().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
