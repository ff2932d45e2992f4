package io.maap.deploycheck.scale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The load of the scale-out phase, the fault suite's in small (docs/reliability.md, "The load"): audits
 * commissioned with their tool sent 40 days ago (2 cases × 2 agencies, so every reminder and overdue
 * mark falls due at once); of each audit's four requests one is left unanswered, one submitted and
 * accepted, one submitted, sent back and resubmitted, one answered nil; then a finding, a plan and an
 * action, every other one entered past its due date, the rest agreed and closed. Commands go to each
 * instance of a service in turn ({@link Instances}), to the other when one is down.
 */
public final class ScaleLoad {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SUBMISSION = "{\"submittedBy\": \"SPOC\", \"answers\": [{\"questionId\": \"q1\", "
            + "\"answer\": \"Seen alone.\", \"grade\": \"good\"}]}";

    /** What the load expects of the event log. */
    public static final class Ledger {
        /** Requests no command but the commissioning touched: reminded and marked overdue once each. */
        public final Set<String> untouched = ConcurrentHashMap.newKeySet();
        /** Actions (audit/action) entered past their due date and never closed: flagged overdue once. */
        public final Set<String> pastDueActions = ConcurrentHashMap.newKeySet();
        public final List<String> problems = java.util.Collections.synchronizedList(new ArrayList<>());
    }

    private final Instances audits;
    private final Instances returns;
    private final Instances learning;
    private final Ledger ledger;
    private final String prefix;
    private final LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));

    public ScaleLoad(Instances audits, Instances returns, Instances learning, Ledger ledger, String prefix) {
        this.audits = audits;
        this.returns = returns;
        this.learning = learning;
        this.ledger = ledger;
        this.prefix = prefix;
    }

    /** Runs {@code count} audits, two at a time, calling {@code midway} once half of them have been commissioned. */
    public void round(String name, int count, Runnable midway) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String auditId = prefix + "-" + name + "-" + i;
                int index = i;
                running.add(pool.submit(() -> {
                    audit(auditId, index);
                    return null;
                }));
                if (i == count / 2 - 1) {
                    running.get(0).get();
                    midway.run();
                }
            }
            for (Future<?> future : running) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private void audit(String auditId, int index) throws Exception {
        String commission = "{\"auditId\":\"" + auditId + "\",\"programmeId\":\"deploy-check\",\"title\":\"Scale-out\","
                + "\"theme\":\"Scale-out\",\"leadOfficer\":\"QA coordinator\",\"toolSentOn\":\"" + today.minusDays(40) + "\","
                + "\"questions\":[{\"questionId\":\"q1\",\"text\":\"Was the child seen?\",\"graded\":true}],"
                + "\"cases\":[{\"caseType\":\"CHILD_PROTECTION\"},{\"caseType\":\"CHILD_PROTECTION\"}],"
                + "\"participatingAgencies\":[\"met-police\",\"nelft\"]}";
        if (!send(audits, "/api/audits", commission)) {
            return;
        }
        List<String> requests = requests(auditId);
        for (int r = 0; r < requests.size(); r++) {
            answer(requests.get(r), (index + r) % 4);
        }
        learning(auditId, index);
    }

    private List<String> requests(String auditId) throws Exception {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline) {
            Instances.Answer answer = returns.get("/api/return-requests?auditId=" + auditId);
            if (answer != null && answer.status() == 200) {
                JsonNode list = JSON.readTree(answer.body());
                if (list.size() == 4) {
                    List<String> ids = new ArrayList<>();
                    list.forEach(request -> ids.add(request.get("returnRequestId").asText()));
                    return ids;
                }
            }
            Thread.sleep(250);
        }
        ledger.problems.add("audit " + auditId + ": its four return requests never appeared in case-return-service");
        return List.of();
    }

    private void answer(String id, int outcome) throws Exception {
        String base = "/api/return-requests/" + id;
        if (outcome == 0) {
            ledger.untouched.add(id);
            return;
        }
        if (!send(returns, base + "/acknowledgement", "{\"acknowledgedBy\": \"SPOC\", \"caseHolder\": \"Case holder\", "
                + "\"lineManager\": \"Team manager\", \"auditor\": \"Independent auditor\"}")) {
            return;
        }
        if (outcome == 3) {
            send(returns, base + "/nil-return", "{\"submittedBy\": \"SPOC\"}");
            return;
        }
        if (!send(returns, base + "/submissions", SUBMISSION)) {
            return;
        }
        int version = 1;
        if (outcome == 2) {
            if (!send(returns, base + "/send-back", "{\"version\": 1, \"reasons\": [\"Say what the child said\"], \"sentBackBy\": \"QA\"}")
                    || !send(returns, base + "/submissions", SUBMISSION)) {
                return;
            }
            version = 2;
        }
        send(returns, base + "/acceptance", "{\"version\": " + version + ", \"acceptedBy\": \"QA\"}");
    }

    private void learning(String auditId, int index) throws Exception {
        String base = "/api/audits/" + auditId;
        String finding = "{\"findingId\": \"f1\", \"aspect\": \"management-oversight\", \"kind\": \"AREA_FOR_IMPROVEMENT\", "
                + "\"summary\": \"Found at the challenge day\", \"recommendation\": \"Act on it\", \"recordedBy\": \"QA Manager\", "
                + "\"agencies\": [\"met-police\"], \"references\": []}";
        if (!send(learning, base + "/findings", finding) || !send(learning, base + "/action-plans",
                "{\"planId\": \"p1\", \"title\": \"Action plan\", \"draftedBy\": \"QA Manager\"}")) {
            return;
        }
        boolean pastDue = index % 2 == 0;
        String action = "{\"actionId\": \"a1\", \"description\": \"Reflective supervision audits\", \"owningAgency\": \"met-police\", "
                + "\"lead\": \"Head of Service\", \"dueDate\": \"" + (pastDue ? today.minusDays(10) : today.plusDays(90)) + "\", "
                + "\"successMeasure\": \"Supervision on 90% of files\", \"addressesFindings\": [\"f1\"]"
                + (pastDue ? ", \"addedOn\": \"" + today.minusDays(40) + "\"" : "") + "}";
        if (!send(learning, base + "/action-plans/p1/actions", action)) {
            return;
        }
        if (pastDue) {
            ledger.pastDueActions.add(auditId + "/a1");
            return;
        }
        if (send(learning, base + "/action-plans/p1/agreement", "{\"agreedBy\": \"Board\", \"boardMeeting\": \"LSCB Board, July\"}")
                && send(learning, base + "/actions/a1/progress-updates", "{\"updateId\": \"u1\", \"rag\": \"GREEN\", "
                + "\"note\": \"On track\", \"reportedBy\": \"Head of Service\"}")) {
            send(learning, base + "/actions/a1/closure", "{\"evidenceOfImpact\": \"Supervision on 19 of 20 files\", "
                    + "\"closedBy\": \"LSCB Board\", \"boardMeeting\": \"LSCB Board, April\"}");
        }
    }

    private boolean send(Instances service, String path, String body) throws InterruptedException {
        String problem = service.post(path, body);
        if (problem != null) {
            ledger.problems.add(problem);
        }
        return problem == null;
    }

    /** For the report: the commands each instance acknowledged. */
    public static Map<String, Integer> acknowledged(Instances... services) {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        for (Instances service : services) {
            counts.putAll(service.acknowledged());
        }
        return counts;
    }
}
