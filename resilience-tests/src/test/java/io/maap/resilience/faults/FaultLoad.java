package io.maap.resilience.faults;

import io.maap.bench.LoadGenerator;
import io.maap.bench.LoadGenerator.AuditPlan;
import io.maap.bench.LoadGenerator.Outcome;
import io.maap.events.Topics;
import io.maap.local.MaapServices.Service;
import io.maap.testsupport.CloudEventRecords;
import io.maap.testsupport.api.ApiClient;
import io.maap.testsupport.api.Commission;
import io.maap.testsupport.api.ReturnRequests;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.net.ConnectException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Live traffic for the fault suite: audits from {@link LoadGenerator} commissioned over REST,
 * each with 2 cases × 2 agencies whose returns come in on time, late, nil, sent back and
 * resubmitted, or never (every third audit's tool went out 40 days ago, so its reminders and
 * overdue marks fall due at once); some agencies answer over their Kafka topic instead of REST;
 * then the challenge day's finding, a plan and an action, agreed, reported on and, for every
 * other audit, closed.
 * <p>
 * Services go away under it: a command is retried (for up to two minutes) while its service
 * does not answer or answers 5xx, and while what it acts on is not there yet (404). What a
 * service acknowledged is written in the {@link Ledger}: the fault suite checks that all of it
 * is in the event log. A refusal that faults cannot explain is kept in {@link #problems()}.
 */
final class FaultLoad implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FaultLoad.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The agencies that also answer over their Kafka topic (the platform's default list). */
    static final Set<String> KAFKA_AGENCIES = Set.of("met-police", "nelft", "bhrut", "lbr-childrens-social-care");
    private static final Duration GIVE_UP = Duration.ofMinutes(2);
    private static final String SUBMISSION = "{\"submittedBy\": \"SPOC\", \"answers\": [{\"questionId\": \"q1\", "
            + "\"answer\": \"Seen alone.\", \"grade\": \"good\"}]}";

    /** What the services acknowledged (2xx) or the broker accepted, by kind. */
    static final class Ledger {
        final Set<String> commissioned = ConcurrentHashMap.newKeySet();
        /** Return request id → versions submitted over REST (a nil return counts as one). */
        final Map<String, Integer> submitted = new ConcurrentHashMap<>();
        final Set<String> sentBack = ConcurrentHashMap.newKeySet();
        final Set<String> accepted = ConcurrentHashMap.newKeySet();
        /** auditId/findingId, auditId/actionId. */
        final Set<String> findings = ConcurrentHashMap.newKeySet();
        final Set<String> actions = ConcurrentHashMap.newKeySet();
        final Set<String> closed = ConcurrentHashMap.newKeySet();
        /** Agency message id (ce_id) → the return request it is about. */
        final Map<String, String> agencyMessages = new ConcurrentHashMap<>();
        /** Audits whose tool went out 40 days ago → the requests that will never be answered. */
        final Set<String> neverAnswered = ConcurrentHashMap.newKeySet();
        /** auditId/actionId of actions entered as added 40 days ago and due 10 days ago: flagged overdue at once. */
        final Set<String> pastDueActions = ConcurrentHashMap.newKeySet();
    }

    private final ProcessPlatform platform;
    private final LoadGenerator generator;
    private final int workers;
    private final Ledger ledger = new Ledger();
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private final KafkaProducer<byte[], byte[]> producer;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger audits = new AtomicInteger();
    private final AtomicInteger commands = new AtomicInteger();
    private final AtomicInteger retries = new AtomicInteger();
    private final LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
    private final java.util.concurrent.ExecutorService executor;
    private final List<Future<?>> running = new ArrayList<>();
    private volatile boolean paused;
    private volatile boolean stopped;

    FaultLoad(ProcessPlatform platform, long seed, int workers) {
        this.platform = platform;
        this.generator = new LoadGenerator(seed);
        this.workers = workers;
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafka(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000, ProducerConfig.MAX_BLOCK_MS_CONFIG, 120_000),
                new ByteArraySerializer(), new ByteArraySerializer());
        this.executor = java.util.concurrent.Executors.newFixedThreadPool(workers, r -> {
            Thread thread = new Thread(r, "fault-load");
            thread.setDaemon(true);
            return thread;
        });
    }

    Ledger ledger() {
        return ledger;
    }

    List<String> problems() {
        return problems;
    }

    String summary() {
        return String.format("%d audits, %d commands (%d retries)", audits.get(), commands.get(), retries.get());
    }

    void start() {
        for (int i = 0; i < workers; i++) {
            running.add(executor.submit(this::work));
        }
    }

    /** Lets the audits under way finish and starts no new one, so that the platform can go quiet. */
    void pause() throws InterruptedException {
        paused = true;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (inFlight.get() > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The load's audits did not finish in 5 minutes");
            }
            Thread.sleep(100);
        }
    }

    void resume() {
        paused = false;
    }

    private void work() {
        while (!stopped) {
            if (paused) {
                sleep(100);
                continue;
            }
            inFlight.incrementAndGet();
            try {
                if (paused) {
                    continue;
                }
                runAudit(generator.plan(next.getAndIncrement()));
            } catch (RuntimeException e) {
                problems.add("audit flow failed: " + e);
                log.warn("Audit flow failed", e);
            } finally {
                inFlight.decrementAndGet();
            }
        }
    }

    // ---------------------------------------------------------------------------------------------
    // One audit, from commissioning to closed actions

    private void runAudit(AuditPlan plan) {
        boolean past = plan.index() % 3 == 0;
        List<String> cases = plan.cases().subList(0, 2); // the plan's labels; the partnership issues the references
        List<String> agencies = plan.agencies().subList(0, 2);
        Answer commissioned = send("POST", Service.AUDIT_PROGRAMME, "/api/audits", commission(plan.auditId(), plan.programmeId(),
                plan.theme(), past ? today.minusDays(40) : today, cases.size(), agencies).toString());
        if (!commissioned.done()) {
            return;
        }
        if (commissioned.acknowledged()) {
            ledger.commissioned.add(plan.auditId());
        }
        audits.incrementAndGet();
        Map<String, String> requests = awaitRequests(plan.auditId(), cases.size() * agencies.size());
        List<String> issued = issuedReferences(plan.auditId(), cases.size());
        for (int c = 0; c < issued.size(); c++) {
            for (int a = 0; a < agencies.size(); a++) {
                String label = cases.get(c);
                String reference = issued.get(c);
                String agency = agencies.get(a);
                Outcome outcome = plan.requests().stream()
                        .filter(r -> r.caseReference().equals(label) && r.agency().equals(agency))
                        .findFirst().orElseThrow().outcome();
                String id = requests.get(ReturnRequests.key(reference, agency));
                if (id == null) {
                    continue;
                }
                if (outcome == Outcome.OVERDUE && past) {
                    ledger.neverAnswered.add(id);
                }
                if (KAFKA_AGENCIES.contains(agency) && (plan.index() + c + a) % 2 == 0) {
                    answerOverKafka(plan.auditId(), reference, agency, id, outcome);
                } else {
                    answerOverRest(id, outcome);
                }
            }
        }
        learning(plan);
    }

    /** {@code cases} sampled cases: the partnership issues their references ({@link #issuedReferences}). */
    static Commission commission(String auditId, String programmeId, String theme, LocalDate toolSentOn, int cases,
                                 List<String> agencies) {
        return Commission.audit(auditId).programme(programmeId).titled(theme + " audit", theme).toolSentOn(toolSentOn)
                .cases("CHILD_IN_NEED", cases).agencies(agencies);
    }

    /**
     * The references the partnership issued to the audit's sample, in the sample's order, as
     * audit-programme-service shows the audit; asked again while it does not answer or does not show
     * them yet. Empty, and a problem, if they never come.
     */
    List<String> issuedReferences(String auditId, int expected) {
        long deadline = System.nanoTime() + GIVE_UP.toNanos();
        String last = null;
        while (!stopped) {
            ApiClient.Response response = platform.api(Service.AUDIT_PROGRAMME).get("/api/audits/" + auditId);
            if (response.successful() && response.json().has("cases")) {
                List<String> issued = Commission.issuedReferences(response.json());
                if (issued.size() >= expected) {
                    return issued;
                }
                last = issued.size() + " of " + expected + " references";
            } else {
                last = response.describe();
            }
            if (System.nanoTime() > deadline) {
                problems.add("the case references of " + auditId + " never came (" + last + ")");
                return List.of();
            }
            retries.incrementAndGet();
            sleep(250);
        }
        return List.of();
    }

    /**
     * The audit's return requests by case and agency ({@link ReturnRequests#key}), once
     * case-return-service has made all {@code expected} of them (from the audit's event, over
     * Kafka); asked again while the service does not answer. Empty, and a problem, if they never come.
     */
    Map<String, String> awaitRequests(String auditId, int expected) {
        long deadline = System.nanoTime() + GIVE_UP.toNanos();
        String last = null;
        while (!stopped) {
            ApiClient.Response response = platform.api(Service.CASE_RETURN).get("/api/return-requests?auditId=" + auditId);
            if (response.successful()) {
                Map<String, String> ids = ReturnRequests.byCaseAndAgency(response.json());
                if (ids.size() >= expected) {
                    commands.incrementAndGet();
                    return ids;
                }
                last = ids.size() + " of " + expected + " requests";
            } else {
                last = response.describe();
            }
            if (System.nanoTime() > deadline) {
                problems.add("the return requests of " + auditId + " never all came (" + last + ")");
                return Map.of();
            }
            retries.incrementAndGet();
            sleep(250);
        }
        return Map.of();
    }

    private void answerOverRest(String id, Outcome outcome) {
        String base = "/api/return-requests/" + id;
        if (!send("POST", Service.CASE_RETURN, base + "/acknowledgement", "{\"acknowledgedBy\": \"SPOC\", "
                + "\"caseHolder\": \"Case holder\", \"lineManager\": \"Team manager\", \"auditor\": \"Independent auditor\"}")
                .done()) {
            return;
        }
        switch (outcome) {
            case ON_TIME, LATE -> {
                if (submitted(id, 1, send("POST", Service.CASE_RETURN, base + "/submissions", SUBMISSION))) {
                    accept(id, 1);
                }
            }
            case NIL -> submitted(id, 1, send("POST", Service.CASE_RETURN, base + "/nil-return", "{\"submittedBy\": \"SPOC\"}"));
            case SENT_BACK -> {
                if (!submitted(id, 1, send("POST", Service.CASE_RETURN, base + "/submissions", SUBMISSION))) {
                    return;
                }
                Answer sentBack = send("POST", Service.CASE_RETURN, base + "/send-back", "{\"version\": 1, "
                        + "\"reasons\": [\"Say what the child said\"], \"sentBackBy\": \"QA\"}");
                if (sentBack.acknowledged()) {
                    ledger.sentBack.add(id);
                }
                if (sentBack.done() && submitted(id, 2, send("POST", Service.CASE_RETURN, base + "/submissions", SUBMISSION))) {
                    accept(id, 2);
                }
            }
            case OVERDUE -> {
            }
        }
    }

    private boolean submitted(String id, int version, Answer answer) {
        if (answer.acknowledged()) {
            ledger.submitted.put(id, version);
        }
        return answer.done();
    }

    private void accept(String id, int version) {
        if (send("POST", Service.CASE_RETURN, "/api/return-requests/" + id + "/acceptance",
                "{\"version\": " + version + ", \"acceptedBy\": \"QA\"}").acknowledged()) {
            ledger.accepted.add(id);
        }
    }

    private void answerOverKafka(String auditId, String reference, String agency, String requestId, Outcome outcome) {
        ObjectNode ack = request(auditId, reference, agency).put("acknowledgedBy", "SPOC").put("caseHolder", "Case holder")
                .put("lineManager", "Team manager").put("auditor", "Independent auditor");
        publishAgencyMessage(agency, requestId, auditId + "." + reference + "." + agency + ".ack",
                "maap.agency.return-request-acknowledged.v1", ack);
        switch (outcome) {
            case ON_TIME, LATE, SENT_BACK -> {
                ObjectNode submission = request(auditId, reference, agency).put("submittedBy", "SPOC");
                submission.putArray("answers").addObject().put("questionId", "q1").put("answer", "Seen alone.").put("grade", "good");
                publishAgencyMessage(agency, requestId, auditId + "." + reference + "." + agency + ".return",
                        "maap.agency.return-submitted.v1", submission);
            }
            case NIL -> publishAgencyMessage(agency, requestId, auditId + "." + reference + "." + agency + ".nil",
                    "maap.agency.nil-return-submitted.v1", request(auditId, reference, agency).put("submittedBy", "SPOC"));
            case OVERDUE -> {
            }
        }
    }

    private static ObjectNode request(String auditId, String reference, String agency) {
        return JSON.createObjectNode().put("auditId", auditId).put("caseReference", reference).put("agency", agency);
    }

    /** Publishes one agency message (binary CloudEvent keyed by the agency) and waits until the broker has it. */
    void publishAgencyMessage(String agency, String requestId, String id, String type, ObjectNode data) {
        ProducerRecord<byte[], byte[]> record = agencyMessage(agency, id, type, data);
        long deadline = System.nanoTime() + GIVE_UP.toNanos();
        while (true) {
            try {
                producer.send(record).get(130, TimeUnit.SECONDS);
                ledger.agencyMessages.put(id, requestId);
                commands.incrementAndGet();
                return;
            } catch (Exception e) {
                if (System.nanoTime() > deadline) {
                    problems.add("agency message " + id + " never accepted by the broker: " + e);
                    return;
                }
                retries.incrementAndGet();
                sleep(500);
            }
        }
    }

    static ProducerRecord<byte[], byte[]> agencyMessage(String agency, String id, String type, ObjectNode data) {
        return CloudEventRecords.binary(Topics.agencySubmissions(agency), agency, id, "urn:maap:agency:" + agency, type,
                data.toString());
    }

    /** Sends many agency messages at once without waiting for each (a batch for the consumer to be killed in). */
    void publishBurst(List<ProducerRecord<byte[], byte[]>> records, Map<String, String> requestByMessage) throws Exception {
        List<Future<?>> sends = new ArrayList<>();
        for (ProducerRecord<byte[], byte[]> record : records) {
            sends.add(producer.send(record));
        }
        for (Future<?> send : sends) {
            send.get(2, TimeUnit.MINUTES);
        }
        ledger.agencyMessages.putAll(requestByMessage);
    }

    private void learning(AuditPlan plan) {
        String base = "/api/audits/" + plan.auditId();
        if (!record(ledger.findings, plan.auditId() + "/f1", send("POST", Service.ACTION_PLAN, base + "/findings",
                plan.finding().toString()))
                || !send("POST", Service.ACTION_PLAN, base + "/action-plans", JSON.createObjectNode().put("planId", "p1")
                .put("title", "Action plan").put("draftedBy", "QA Manager").toString()).done()) {
            return;
        }
        // Every third audit's action is entered late, as agreed 40 days ago and due 10 days ago, so
        // action-plan-service's overdue deadline falls due at once, whatever fails meanwhile.
        boolean pastDue = plan.index() % 3 == 0;
        ObjectNode action = JSON.createObjectNode().put("actionId", "a1").put("description", "Reflective supervision audits")
                .put("owningAgency", plan.agencies().get(0)).put("lead", "Head of Service")
                .put("dueDate", (pastDue ? today.minusDays(10) : today.plusDays(90)).toString())
                .put("successMeasure", "Supervision on 90% of files");
        if (pastDue) {
            action.put("addedOn", today.minusDays(40).toString());
        }
        action.putArray("addressesFindings").add("f1");
        Answer added = send("POST", Service.ACTION_PLAN, base + "/action-plans/p1/actions", action.toString());
        if (pastDue && added.done()) {
            ledger.pastDueActions.add(plan.auditId() + "/a1");
        }
        if (!record(ledger.actions, plan.auditId() + "/a1", added) || plan.index() % 2 != 0) {
            return;
        }
        if (send("POST", Service.ACTION_PLAN, base + "/action-plans/p1/agreement",
                "{\"agreedBy\": \"Board\", \"boardMeeting\": \"LSCB Board, July\"}").done()
                && send("POST", Service.ACTION_PLAN, base + "/actions/a1/progress-updates", "{\"updateId\": \"u1\", "
                + "\"rag\": \"GREEN\", \"note\": \"On track\", \"reportedBy\": \"Head of Service\"}").done()) {
            record(ledger.closed, plan.auditId() + "/a1", send("POST", Service.ACTION_PLAN, base + "/actions/a1/closure",
                    "{\"evidenceOfImpact\": \"Supervision on 19 of 20 files\", \"closedBy\": \"LSCB Board\", "
                    + "\"boardMeeting\": \"LSCB Board, April\"}"));
        }
    }

    private static boolean record(Set<String> ledgerEntries, String key, Answer answer) {
        if (answer.acknowledged()) {
            ledgerEntries.add(key);
        }
        return answer.done();
    }

    // ---------------------------------------------------------------------------------------------
    // HTTP with retries

    /**
     * Sends one request until it is answered for good; retried on no answer, 5xx and 404 (not
     * there yet); a 409 after an attempt that may have been applied (no answer but a refused
     * connection, or a 5xx) means that attempt was applied, its answer lost with the service,
     * unless it says the audit is not known yet; any other refusal is a problem.
     */
    private Answer send(String method, Service service, String path, String body) {
        long deadline = System.nanoTime() + GIVE_UP.toNanos();
        boolean retried = false;
        // Whether an earlier attempt may have been applied without its answer reaching us.
        boolean ambiguous = false;
        String last = null;
        while (!stopped) {
            ApiClient.Response response = platform.api(service).send(method, path, body);
            if (response.answered()) {
                int status = response.status();
                if (status / 100 == 2) {
                    commands.incrementAndGet();
                    return retried ? Answer.ACKNOWLEDGED_AFTER_RETRY : Answer.ACKNOWLEDGED;
                }
                // 404, or the audit not yet known to action-plan-service (its commissioning arrives over Kafka): not there
                // yet, so no earlier attempt can have been applied either.
                boolean notYet = status == 404 || status == 409 && response.body().contains("\"audit-unknown\"");
                if (status == 409 && ambiguous && !notYet) {
                    return Answer.APPLIED_EARLIER;
                }
                if (!notYet && status < 500) {
                    problems.add(method + " " + service.serviceName() + path + " -> " + status + " " + response.body());
                    return Answer.FAILED;
                }
                last = status + " " + response.body();
                ambiguous |= status >= 500;
            } else {
                last = response.error().toString();
                // A refused connection never reached the service; any other I/O failure may have followed its commit.
                ambiguous |= !(response.error() instanceof ConnectException);
            }
            if (System.nanoTime() > deadline) {
                problems.add(method + " " + service.serviceName() + path + " gave up after " + GIVE_UP + ": " + last);
                return Answer.FAILED;
            }
            retried = true;
            retries.incrementAndGet();
            sleep(250);
        }
        return Answer.FAILED;
    }

    /** How a command ended. */
    enum Answer {
        /** 2xx. */
        ACKNOWLEDGED,
        /** 2xx after the service failed to answer (or 404'd) earlier attempts. */
        ACKNOWLEDGED_AFTER_RETRY,
        /** 409 after a retry: an earlier attempt was applied but its answer was lost with the service. */
        APPLIED_EARLIER,
        FAILED;

        /** Whatever happened, the command's effect is in place and the flow can go on. */
        boolean done() {
            return this != FAILED;
        }

        /** The service said so: the effect must be in its event log. */
        boolean acknowledged() {
            return this == ACKNOWLEDGED || this == ACKNOWLEDGED_AFTER_RETRY;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stopped = true;
        executor.shutdownNow();
        producer.close(Duration.ofSeconds(5));
    }
}
