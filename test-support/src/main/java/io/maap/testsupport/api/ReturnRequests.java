package io.maap.testsupport.api;

import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The return requests case-return-service made of a commissioned audit, found through its API
 * ({@code GET /api/return-requests?auditId=}): their ids are the service's to choose, so tests
 * look them up by case and agency rather than compute them.
 */
public final class ReturnRequests {

    private static final Duration EVENTUALLY = Duration.ofSeconds(90);

    private ReturnRequests() {
    }

    /** The key of a request among an audit's: its case and agency. */
    public static String key(String caseReference, String agency) {
        return caseReference + "/" + agency;
    }

    /** The requests of a {@code GET /api/return-requests} answer: ids by {@link #key}. */
    public static Map<String, String> byCaseAndAgency(JsonNode requests) {
        Map<String, String> ids = new LinkedHashMap<>();
        for (JsonNode request : requests) {
            ids.put(key(request.get("caseReference").asString(), request.get("agency").asString()),
                    request.get("returnRequestId").asString());
        }
        return ids;
    }

    /** The audit's requests by {@link #key}, once there are {@code expected} of them. */
    public static Map<String, String> await(ApiClient caseReturn, String auditId, int expected) {
        // First look at once: a caller awaiting many audits in turn would otherwise wait a poll interval for each.
        return Awaitility.await().atMost(EVENTUALLY).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(250))
                .until(() -> byCaseAndAgency(caseReturn.getJson("/api/return-requests?auditId=" + auditId)),
                        ids -> ids.size() >= expected);
    }

    /** The id of the audit's request to {@code agency} about {@code caseReference}, once it exists. */
    public static String await(ApiClient caseReturn, String auditId, String caseReference, String agency) {
        // First look at once: a caller awaiting many audits in turn would otherwise wait a poll interval for each.
        return Awaitility.await().atMost(EVENTUALLY).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(250))
                .until(() -> byCaseAndAgency(caseReturn.getJson("/api/return-requests?auditId=" + auditId))
                        .get(key(caseReference, agency)), id -> id != null);
    }
}
