package io.maap.resilience.faults;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.maap.events.Topics;
import io.maap.local.MaapServices.Service;
import io.maap.testsupport.FreePorts;
import io.maap.testsupport.TopicReader;
import io.maap.testsupport.api.ApiClient;
import io.maap.testsupport.api.ReturnRequests;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static io.maap.testsupport.CloudEventRecords.bytes;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fault suite: the platform in one process per part, under live traffic
 * ({@link FaultLoad}), while it kills each service with SIGKILL in the middle of a batch and
 * starts it again, re-publishes a tenth of every topic's records as duplicates, restarts the
 * Kafka broker and the PostgreSQL server, injects poison messages and rebuilds the read models.
 * After each fault it lets the platform go quiet and checks it against the event log
 * ({@link EventLogCheck}): every stored event reflected exactly once in every read model, every
 * reminder and overdue mark fired once, every agency message answered once, everything
 * acknowledged stored; after the poison, that each poison message is in the dead-letter topic
 * of every service that reads its topic, and that nothing else is. At the end, at the SMTP server
 * (GreenMail, notification-service's mail server here) that every commissioned audit's tool reached
 * each participating agency's SPOC exactly once, and that no notification arrived twice.
 * <p>
 * Runs in {@code ./test.sh} in its own JVM (it restarts the machine's PostgreSQL); alone:
 * {@code ./faults.sh} (README).
 * {@code -Dmaap.faults.workers} (default 3) sets the load's concurrency,
 * {@code -Dmaap.faults.load-seconds} (default 10) how long it runs between faults.
 */
@Timeout(value = 30, unit = TimeUnit.MINUTES)
class FaultSuiteIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String POISON_HEADER = "x-maap-fault-poison";
    private static final int WORKERS = Integer.getInteger("maap.faults.workers", 3);
    private static final long LOAD_SECONDS = Long.getLong("maap.faults.load-seconds", 10);
    private static final long SEED = Long.getLong("maap.faults.seed", 7);
    private static final List<String> BURST_AGENCIES = List.of("met-police", "nelft");
    /** The services reading each topic, by consumer group. */
    private static final Map<String, List<String>> READERS = Map.of(
            Topics.AUDIT_PROGRAMME_EVENTS, List.of("case-return-service", "action-plan-service", "reporting-service"),
            Topics.CASE_RETURN_EVENTS, List.of("reporting-service"),
            Topics.ACTION_PLAN_EVENTS, List.of("reporting-service"));

    /** The agencies the load uses (benchmarks' LoadGenerator), each with a SPOC in notification-service's directory. */
    private static final List<String> DIRECTORY_AGENCIES = List.of("met-police", "nelft", "bhrut",
            "lbr-childrens-social-care", "lbr-education", "barts-health", "probation", "cafcass");

    private static ProcessPlatform platform;
    private static GreenMail smtp;
    /** The SPOC's directory entry by agency. */
    private static final Map<String, String> SPOCS = new LinkedHashMap<>();
    private static FaultLoad load;
    private final List<String> report = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        platform = new ProcessPlatform(Path.of("target", "fault-suite", "run-" + UUID.randomUUID().toString().substring(0, 8)));
        long started = System.nanoTime();
        // notification-service's mail server, in this JVM: it outlives every fault, so what it received is the witness.
        smtp = new GreenMail(new ServerSetup(FreePorts.one(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        platform.configure(Service.NOTIFICATION, "spring.mail.host", "127.0.0.1");
        platform.configure(Service.NOTIFICATION, "spring.mail.port", Integer.toString(smtp.getSmtp().getPort()));
        platform.configure(Service.NOTIFICATION, "maap.notifications.first-retry", "2s");
        platform.start();
        for (String agency : DIRECTORY_AGENCIES) {
            SPOCS.put(agency, platform.api(Service.NOTIFICATION).post("/api/contacts", JSON.writeValueAsString(Map.of(
                    "role", "AGENCY_SPOC", "agency", agency, "name", "SPOC", "email", "spoc@" + agency + ".example")), 201)
                    .get("id").asString());
        }
        System.out.printf("Fault suite: broker and four services started in their own processes in %.1f s (logs in %s)%n",
                (System.nanoTime() - started) / 1e9, platform.dir().toAbsolutePath());
        load = new FaultLoad(platform, SEED, WORKERS);
    }

    @AfterAll
    static void stop() {
        if (load != null) {
            load.close();
        }
        if (platform != null) {
            platform.close();
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    void nothingIsLostOrCountedTwiceWhateverFails() throws Exception {
        load.start();
        runLoad();
        check("load alone");

        killCaseReturnMidBatch();
        check("case-return-service killed (SIGKILL) in the middle of a batch of agency messages, and restarted");

        int duplicates = republishTenthAsDuplicates();
        killWhileConsuming(Service.REPORTING, Service.ACTION_PLAN);
        check("a tenth of every topic re-published (" + duplicates + " duplicates); reporting-service and "
                + "action-plan-service killed (SIGKILL) while reading them, and restarted");

        runLoad();
        step("SIGKILL audit-programme-service under load", () -> platform.kill(Service.AUDIT_PROGRAMME));
        platform.restart(Service.AUDIT_PROGRAMME);
        check("audit-programme-service killed (SIGKILL) while taking commands, and restarted");

        runLoad();
        step("restart the Kafka broker under load", () -> platform.restartKafka());
        check("Kafka broker restarted");

        runLoad();
        boolean restarted = platform.restartPostgres();
        check(restarted ? "PostgreSQL restarted under load" : "(PostgreSQL runs in a container here: not restarted)");

        Map<String, List<String>> poison = injectPoison();
        runLoad();
        check("poison messages injected");
        deadLetters(poison);

        rebuildUnderLoad();
        check("read models rebuilt while traffic flowed");

        load.pause();
        notificationsArrivedExactlyOnce();
        System.out.println("\nFault suite report (" + load.summary() + "):\n  " + String.join("\n  ", report));
        assertThat(load.problems()).as("commands refused for reasons faults do not explain").isEmpty();
        assertThat(failures).as("inconsistencies found against the event log").isEmpty();
    }

    private static void runLoad() throws InterruptedException {
        load.resume();
        Thread.sleep(TimeUnit.SECONDS.toMillis(LOAD_SECONDS));
    }

    private interface Step {
        void run() throws Exception;
    }

    private void step(String name, Step step) throws Exception {
        long started = System.nanoTime();
        step.run();
        report(String.format("%s (%.1f s)", name, (System.nanoTime() - started) / 1e9));
    }

    /** Adds a line to the report, which is also kept in {@code report.txt} beside the processes' logs. */
    private void report(String line) throws IOException {
        report.add(line);
        Files.write(platform.dir().resolve("report.txt"), report);
    }

    /**
     * Lets the audits under way finish, waits until every consumer has read its topics to the
     * end, then checks against the event log until consistent (relays and deadlines may still
     * be catching up) or two minutes have passed.
     */
    private void check(String after) throws Exception {
        long started = System.nanoTime();
        load.pause();
        awaitConsumersAtEnd();
        EventLogCheck.Result result;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (true) {
            result = new EventLogCheck(platform, load.ledger()).run();
            if (result.consistent() || System.nanoTime() > deadline) {
                break;
            }
            Thread.sleep(2000);
        }
        String line = String.format("after %s: %s (checked in %.1f s)", after, result, (System.nanoTime() - started) / 1e9);
        System.out.println(line);
        report(line);
        if (!result.consistent()) {
            failures.add(line);
        }
        load.resume();
    }

    // ---------------------------------------------------------------------------------------------
    // Faults

    /**
     * Commissions an audit whose requests two agencies answer over Kafka, publishes all their
     * acknowledgements and nil returns at once, and kills case-return-service once it has
     * committed some of them and not all.
     */
    private void killCaseReturnMidBatch() throws Exception {
        String auditId = "fault-burst-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> cases = io.maap.testsupport.api.Commission.issuedReferences(platform.api(Service.AUDIT_PROGRAMME)
                .post("/api/audits", FaultLoad.commission(auditId, "fault-programme", "Neglect",
                        LocalDate.now(ZoneId.of("Europe/London")), 20, BURST_AGENCIES), 201));
        load.ledger().commissioned.add(auditId);
        Map<String, String> requests = load.awaitRequests(auditId, cases.size() * BURST_AGENCIES.size());
        assertThat(requests).hasSize(cases.size() * BURST_AGENCIES.size());
        List<ProducerRecord<byte[], byte[]>> burst = new ArrayList<>();
        Map<String, String> requestByMessage = new HashMap<>();
        for (String reference : cases) {
            for (String agency : BURST_AGENCIES) {
                String requestId = requests.get(ReturnRequests.key(reference, agency));
                ObjectNode request = JSON.createObjectNode().put("auditId", auditId).put("caseReference", reference).put("agency", agency);
                String ackId = auditId + "." + reference + "." + agency + ".ack";
                String nilId = auditId + "." + reference + "." + agency + ".nil";
                burst.add(FaultLoad.agencyMessage(agency, ackId, "maap.agency.return-request-acknowledged.v1",
                        request.deepCopy().put("acknowledgedBy", "SPOC").put("caseHolder", "Case holder")
                                .put("lineManager", "Team manager").put("auditor", "Independent auditor")));
                burst.add(FaultLoad.agencyMessage(agency, nilId, "maap.agency.nil-return-submitted.v1",
                        request.deepCopy().put("submittedBy", "SPOC")));
                requestByMessage.put(ackId, requestId);
                requestByMessage.put(nilId, requestId);
            }
        }
        List<String> topics = BURST_AGENCIES.stream().map(Topics::agencySubmissions).toList();
        Map<TopicPartition, Long> before = TopicReader.endOffsets(platform.kafka(), topics);
        load.publishBurst(burst, requestByMessage);
        Map<TopicPartition, Long> after = TopicReader.endOffsets(platform.kafka(), topics);
        String when = killWhen(Service.CASE_RETURN, "case-return-service", before, after);
        report("case-return-service killed " + when + " of " + burst.size() + " agency messages");
        platform.restart(Service.CASE_RETURN);
    }

    /**
     * Kills {@code service} with SIGKILL as soon as its consumer group has committed past
     * {@code before} on some partition while {@code after} is not reached on all of them (in the
     * middle of the batch); if it finishes first, kills it anyway and says so.
     */
    private String killWhen(Service service, String group, Map<TopicPartition, Long> before, Map<TopicPartition, Long> after)
            throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        try (Admin admin = admin()) {
            while (System.nanoTime() < deadline) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get();
                long done = 0;
                long total = 0;
                for (TopicPartition partition : after.keySet()) {
                    OffsetAndMetadata offset = committed.get(partition);
                    long at = offset == null ? before.getOrDefault(partition, 0L) : offset.offset();
                    done += Math.max(0, Math.min(at, after.get(partition)) - before.getOrDefault(partition, 0L));
                    total += after.get(partition) - before.getOrDefault(partition, 0L);
                }
                if (done > 0 && done < total) {
                    platform.kill(service);
                    return "with " + done + " of " + total + " records committed (mid-batch)";
                }
                if (done >= total && total > 0) {
                    platform.kill(service);
                    return "after it had read all " + total + " records (it was faster than the suite)";
                }
                Thread.sleep(10);
            }
        }
        platform.kill(service);
        return "before it had committed any record";
    }

    /** Re-publishes every tenth record of each event topic and of the agencies' topics, byte for byte. */
    private int republishTenthAsDuplicates() throws Exception {
        load.pause();
        int count = 0;
        List<String> topics = new ArrayList<>(READERS.keySet());
        FaultLoad.KAFKA_AGENCIES.forEach(agency -> topics.add(Topics.agencySubmissions(agency)));
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            for (String topic : topics) {
                List<ConsumerRecord<String, byte[]>> records = TopicReader.readAll(platform.kafka(), topic);
                for (int i = 0; i < records.size(); i += 10) {
                    ConsumerRecord<String, byte[]> record = records.get(i);
                    producer.send(new ProducerRecord<>(topic, record.partition(),
                            bytes(record.key()), record.value(),
                            record.headers()));
                    count++;
                }
            }
            producer.flush();
        }
        load.resume();
        return count;
    }

    /** Kills the services while they still have records to read (the duplicates just published), then restarts them. */
    private void killWhileConsuming(Service... services) throws Exception {
        for (Service service : services) {
            platform.kill(service);
        }
        report("killed " + java.util.Arrays.stream(services).map(Service::serviceName).toList() + " with their duplicates unread");
        for (Service service : services) {
            platform.restart(service);
        }
    }

    /**
     * Three kinds of poison on every topic a service reads: a known type whose data is not JSON,
     * a known type with empty data, and no CloudEvent attributes at all. Each carries a marker;
     * returns the markers by topic.
     */
    private Map<String, List<String>> injectPoison() throws Exception {
        Map<String, List<String>> markers = new LinkedHashMap<>();
        List<String> topics = new ArrayList<>(READERS.keySet());
        topics.add(Topics.agencySubmissions("met-police"));
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            for (String topic : topics) {
                String type = topic.startsWith(Topics.AGENCY_SUBMISSIONS_PREFIX) ? "maap.agency.return-submitted.v1"
                        : topic.equals(Topics.AUDIT_PROGRAMME_EVENTS) ? "maap.audit.commissioned.v1"
                        : topic.equals(Topics.CASE_RETURN_EVENTS) ? "maap.case-return.submitted.v1" : "maap.action.closed.v1";
                String source = topic.startsWith(Topics.AGENCY_SUBMISSIONS_PREFIX) ? "urn:maap:agency:met-police" : "urn:maap:poison";
                for (String value : List.of("not json {", "{}", "\u0000\u0001garbage")) {
                    String marker = UUID.randomUUID().toString();
                    ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, bytes("poison-" + marker),
                            bytes(value));
                    if (!value.startsWith("\u0000")) {
                        record.headers().add("ce_specversion", bytes("1.0")).add("ce_id", bytes("poison-" + marker))
                                .add("ce_source", bytes(source)).add("ce_type", bytes(type))
                                .add("ce_subject", bytes("poison-" + marker)).add("ce_sequence", bytes("0"))
                                .add("content-type", bytes("application/json"));
                    }
                    record.headers().add(POISON_HEADER, bytes(marker));
                    producer.send(record).get(30, TimeUnit.SECONDS);
                    markers.computeIfAbsent(topic, t -> new ArrayList<>()).add(marker);
                }
            }
        }
        report("poison: " + markers.values().stream().mapToInt(List::size).sum() + " messages on " + markers.keySet());
        return markers;
    }

    /** Every poison message is in the dead-letter topic of every service that reads its topic; nothing else is in the services' ones. */
    private void deadLetters(Map<String, List<String>> poison) throws IOException {
        Map<String, Set<String>> expected = new LinkedHashMap<>();
        poison.forEach((topic, markers) -> {
            List<String> dlqs = topic.startsWith(Topics.AGENCY_SUBMISSIONS_PREFIX) ? List.of(Topics.AGENCY_SUBMISSIONS_DLQ)
                    : READERS.get(topic).stream().map(group -> "maap." + group + ".dlq.v1").toList();
            dlqs.forEach(dlq -> expected.computeIfAbsent(dlq, d -> new java.util.TreeSet<>()).addAll(markers));
        });
        List<String> problems = new ArrayList<>();
        expected.forEach((dlq, markers) -> {
            List<ConsumerRecord<String, byte[]>> records = TopicReader.readAll(platform.kafka(), dlq);
            Set<String> found = new java.util.TreeSet<>();
            records.forEach(r -> {
                String marker = TopicReader.header(r, POISON_HEADER);
                if (marker != null) {
                    found.add(marker);
                } else if (!dlq.equals(Topics.AGENCY_SUBMISSIONS_DLQ)) {
                    problems.add(dlq + " holds a record that is not poison: ce_id " + TopicReader.header(r, "ce_id")
                            + ", reason " + TopicReader.header(r, "x-exception-message"));
                }
            });
            if (!found.containsAll(markers)) {
                Set<String> missing = new java.util.TreeSet<>(markers);
                missing.removeAll(found);
                problems.add(dlq + " lacks " + missing.size() + " of its " + markers.size() + " poison messages");
            }
        });
        String line = "dead letters: " + expected.keySet() + (problems.isEmpty() ? " hold every poison message and nothing else"
                : ": " + String.join("; ", problems));
        System.out.println(line);
        report(line);
        if (!problems.isEmpty()) {
            failures.add(line);
        }
    }

    private void rebuildUnderLoad() throws Exception {
        load.resume();
        long started = System.nanoTime();
        ApiClient reporting = platform.api(Service.REPORTING);
        reporting.send("POST", "/api/rebuilds", null).expect("POST", "/api/rebuilds", 200, 201, 202);
        JsonNode progress;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        do {
            Thread.sleep(500);
            progress = reporting.getJson("/api/rebuilds/current");
        } while (!Set.of("COMPLETED", "FAILED").contains(progress.get("state").asString()) && System.nanoTime() < deadline);
        report(String.format("rebuild under load: %s, %d events, in %.1f s", progress.get("state").asString(),
                progress.path("eventsDone").asLong(), (System.nanoTime() - started) / 1e9));
        assertThat(progress.get("state").asString()).isEqualTo("COMPLETED");
        runLoad();
    }

    /**
     * After every fault, at the SMTP server: each commissioned audit (each distinct event on the
     * audit-programme topic, however often it was re-published) told each participating agency's
     * SPOC exactly once, and no notification (of any kind) arrived twice, by its
     * {@code X-MAAP-Notification} id. First waits for notification-service to have read its topics
     * and to have nothing left to send.
     */
    /**
     * A notification's id as notification-service derives it from its key (source event, recipient,
     * kind) and puts it in each mail's X-MAAP-Notification header (docs/notifications.md); derived
     * here, not imported, because a service's classes are its own to change.
     */
    private static String notificationIdFor(String sourceEventId, String recipient, String kind) {
        return java.util.UUID.nameUUIDFromBytes((sourceEventId + "\n" + recipient + "\n" + kind)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
    }

    private void notificationsArrivedExactlyOnce() throws Exception {
        long started = System.nanoTime();
        List<String> topics = List.of(Topics.AUDIT_PROGRAMME_EVENTS, Topics.CASE_RETURN_EVENTS, Topics.ACTION_PLAN_EVENTS);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        try (Admin admin = admin()) {
            while (!TopicReader.readToEnd(admin, "notification-service", TopicReader.endOffsets(platform.kafka(), topics))
                    && System.nanoTime() < deadline) {
                Thread.sleep(500);
            }
        }
        ApiClient notifications = platform.api(Service.NOTIFICATION);
        while (!notifications.getList("/api/notifications?status=PENDING&size=1").isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }

        Map<String, String> expected = new TreeMap<>();
        Set<String> events = new java.util.HashSet<>();
        for (ConsumerRecord<String, byte[]> record : TopicReader.readAll(platform.kafka(), Topics.AUDIT_PROGRAMME_EVENTS)) {
            String eventId = TopicReader.header(record, "ce_id");
            if (!"maap.audit.commissioned.v1".equals(TopicReader.header(record, "ce_type"))
                    || TopicReader.header(record, POISON_HEADER) != null || !events.add(eventId)) {
                continue;
            }
            JsonNode audit = JSON.readTree(record.value());
            for (JsonNode agency : audit.get("participatingAgencies")) {
                String spoc = SPOCS.get(agency.asString());
                if (spoc != null) {
                    expected.put(notificationIdFor(eventId + "/" + agency.asString(), "contact:" + spoc, "TOOL_SENT"),
                            audit.get("auditId").asString() + " to " + agency.asString());
                }
            }
        }
        Map<String, Long> arrived = java.util.Arrays.stream(smtp.getReceivedMessages())
                .collect(Collectors.groupingBy(FaultSuiteIT::notificationId, Collectors.counting()));
        List<String> problems = new ArrayList<>();
        expected.forEach((id, what) -> {
            if (arrived.getOrDefault(id, 0L) != 1) {
                problems.add("the tool for " + what + " arrived " + arrived.getOrDefault(id, 0L) + " times");
            }
        });
        arrived.forEach((id, count) -> {
            if (count > 1 && !expected.containsKey(id)) {
                problems.add("notification " + id + " arrived " + count + " times");
            }
        });
        String line = String.format("notifications at the SMTP server: %d tools expected, %d mails in all, %s (checked in %.1f s)",
                expected.size(), smtp.getReceivedMessages().length,
                problems.isEmpty() ? "each exactly once" : String.join("; ", problems), (System.nanoTime() - started) / 1e9);
        System.out.println(line);
        report(line);
        if (problems.isEmpty() && expected.isEmpty()) {
            failures.add(line + ": no audit was commissioned, nothing was checked");
        } else if (!problems.isEmpty()) {
            failures.add(line);
        }
    }

    private static String notificationId(MimeMessage message) {
        try {
            String[] id = message.getHeader("X-MAAP-Notification");
            return id == null ? "(none)" : id[0];
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Kafka and HTTP

    /** Waits until every service's consumer group has read all its topics to the end (two minutes at most). */
    private void awaitConsumersAtEnd() throws Exception {
        Map<String, List<String>> topicsByGroup = new LinkedHashMap<>();
        READERS.forEach((topic, groups) -> groups.forEach(g -> topicsByGroup.computeIfAbsent(g, x -> new ArrayList<>()).add(topic)));
        FaultLoad.KAFKA_AGENCIES.forEach(agency -> topicsByGroup.get("case-return-service").add(Topics.agencySubmissions(agency)));
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        try (Admin admin = admin()) {
            while (System.nanoTime() < deadline) {
                boolean atEnd = true;
                for (Map.Entry<String, List<String>> group : topicsByGroup.entrySet()) {
                    atEnd &= TopicReader.readToEnd(admin, group.getKey(), TopicReader.endOffsets(platform.kafka(), group.getValue()));
                }
                if (atEnd) {
                    return;
                }
                Thread.sleep(500);
            }
        }
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafka()));
    }

    private KafkaProducer<byte[], byte[]> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafka(), ProducerConfig.ACKS_CONFIG, "all"),
                new ByteArraySerializer(), new ByteArraySerializer());
    }

}
