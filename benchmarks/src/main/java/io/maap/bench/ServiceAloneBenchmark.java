package io.maap.bench;

import io.maap.bench.Baselines.Figure;
import io.maap.bench.HttpLoadDriver.Command;
import io.maap.bench.HttpLoadDriver.Result;
import io.maap.bench.LoadGenerator.AuditPlan;
import io.maap.bench.LoadGenerator.GeneratedEvent;
import io.maap.events.auditprogramme.AuditCommissioned;
import io.maap.events.auditprogramme.ProgrammeAgreed;
import io.maap.local.MaapServices.Service;
import io.maap.testsupport.api.ApiClient;
import io.maap.testsupport.api.Commission;

import io.maap.events.Topics;
import io.maap.testsupport.TopicReader;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Each write service alone (issue 20, items 1, 3 and 8): in a JVM of its own with {@code -Xmx512m},
 * its own PostgreSQL database and broker, its relay on, the other services not running
 * ({@link ForkedService}); {@code clients} clients in a closed loop. case-return-service's part
 * starts with the fan-out ({@link FanOutBenchmark}), whose requests its commands then answer.
 */
final class ServiceAloneBenchmark {

    static final String HEAP = System.getProperty("maap.bench.alone-heap", "512m");
    private static final String SUBMISSION =
            "{\"submittedBy\": \"SPOC\", \"answers\": [{\"questionId\": \"q1\", \"answer\": \"Seen alone.\", \"grade\": \"good\"}]}";
    private static final String ACKNOWLEDGEMENT = "{\"acknowledgedBy\": \"SPOC\", \"caseHolder\": \"Case holder\", "
            + "\"lineManager\": \"Team manager\", \"auditor\": \"Independent auditor\"}";

    private final int clients;
    private final int commands;
    private final int warmUp;
    private final Supplier<String> token;
    private final Figure postgres;
    private final Consumer<String> row;

    ServiceAloneBenchmark(int clients, int commands, int warmUp, Supplier<String> token, Figure postgres, Consumer<String> row) {
        this.clients = clients;
        this.commands = commands;
        this.warmUp = warmUp;
        this.token = token;
        this.postgres = postgres;
        this.row = row;
    }

    /** The services named by {@code maap.bench.alone-services} ({@code case-return,audit-programme,action-plan}), one after the other. */
    void run(LoadGenerator generator) throws Exception {
        List<String> services = List.of(System.getProperty("maap.bench.alone-services", "case-return,audit-programme,action-plan").split(","));
        if (services.contains("case-return")) {
            caseReturn();
        }
        if (services.contains("audit-programme")) {
            auditProgramme(generator);
        }
        if (services.contains("action-plan")) {
            actionPlan(generator);
        }
    }

    void caseReturn() throws Exception {
        System.out.printf("%n== case-return-service alone (-Xmx%s, its own PostgreSQL and broker)%n", HEAP);
        try (ForkedService service = ForkedService.start(Service.CASE_RETURN, HEAP);
             HttpLoadDriver driver = new HttpLoadDriver(clients)) {
            FanOutBenchmark fanOut = new FanOutBenchmark(service);
            List<String> warm = new ArrayList<>();
            fanOut.commission(12, 6, warm);
            // Two commands a request: an audit of 8 agencies with enough cases for the rest of the warm-up.
            int warmCases = (Math.max(0, warmUp / 2 - warm.size()) + 7) / 8;
            if (warmCases > 0) {
                fanOut.commission(warmCases, 8, warm);
            }
            double seventyTwo = fanOut.commission(12, 6, new ArrayList<>());
            List<String> measured = new ArrayList<>();
            double thousand = fanOut.commission(125, 8, measured);
            System.out.printf("fan-out: 12 cases x 6 agencies, 72 return requests in %.3f s; 125 x 8, 1,000 in %.3f s (%.0f requests/s)%n",
                    seventyTwo, thousand, 1000 / thousand);
            row.accept(String.format("| fan-out | case-return-service alone: AuditCommissioned → return requests in its query model | 72 in %.2f s; 1,000 in %.2f s (%.0f/s) | | |",
                    seventyTwo, thousand, 1000 / thousand));
            ApiClient returns = ApiClient.of(service.baseUrl(), token);
            int count = Math.min(measured.size(), Math.max(1, commands / 2));
            Result result = driver.run("case-return alone: acknowledge, submit", agencySide(returns, warm),
                    agencySide(returns, measured.subList(0, count)));
            System.out.println(result);
            report("case-return-service", "acknowledge, submit", result, service);
        }
    }

    void auditProgramme(LoadGenerator generator) throws Exception {
        System.out.printf("%n== audit-programme-service alone (-Xmx%s, its own PostgreSQL and broker)%n", HEAP);
        try (ForkedService service = ForkedService.start(Service.AUDIT_PROGRAMME, HEAP);
             HttpLoadDriver driver = new HttpLoadDriver(clients)) {
            ApiClient audits = ApiClient.of(service.baseUrl(), token);
            LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
            List<List<Command>> commissions = new ArrayList<>();
            for (int i = 0; i < warmUp + commands; i++) {
                AuditPlan plan = generator.plan(100_000 + i);
                commissions.add(List.of(Command.post(audits, "/api/audits", Commission.audit(plan.auditId()).programme(plan.programmeId())
                        .titled(plan.theme() + " audit", plan.theme()).toolSentOn(today).cases("CHILD_IN_NEED", 1)
                        .agencies(plan.agencies().subList(0, 1)))));
            }
            Result result = driver.run("audit-programme alone: commission", commissions.subList(0, warmUp),
                    commissions.subList(warmUp, commissions.size()));
            System.out.println(result);
            report("audit-programme-service", "commission an audit", result, service);
        }
    }

    /** Findings, plans and actions of audits whose commissioning reached the service over its broker. */
    void actionPlan(LoadGenerator generator) throws Exception {
        System.out.printf("%n== action-plan-service alone (-Xmx%s, its own PostgreSQL and broker)%n", HEAP);
        try (ForkedService service = ForkedService.start(Service.ACTION_PLAN, HEAP);
             HttpLoadDriver driver = new HttpLoadDriver(clients);
             KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                     service.kafka()), new StringSerializer(), new ByteArraySerializer())) {
            ApiClient learning = ApiClient.of(service.baseUrl(), token);
            List<List<Command>> chains = new ArrayList<>();
            for (int i = 0; chains.size() * 3 < warmUp + commands; i++) {
                AuditPlan plan = generator.plan(200_000 + i);
                for (GeneratedEvent event : generator.eventsOf(plan)) {
                    if (event.payload() instanceof AuditCommissioned || event.payload() instanceof ProgrammeAgreed) {
                        producer.send(event.toRecord());
                    }
                }
                chains.add(PlatformBenchmark.learning(learning, plan));
            }
            producer.flush();
            // Known when the service's consumer group has read the audit-programme topic to its end (all partitions).
            var end = TopicReader.endOffsets(service.kafka(), List.of(Topics.AUDIT_PROGRAMME_EVENTS));
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, service.kafka()))) {
                Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                        .until(() -> TopicReader.readToEnd(admin, "action-plan-service", end));
            }
            Result result = driver.run("action-plan alone: learning", chains.subList(0, warmUp / 3), chains.subList(warmUp / 3, chains.size()));
            System.out.println(result);
            report("action-plan-service", "finding, action plan, action", result, service);
        }
    }

    private List<List<Command>> agencySide(ApiClient returns, List<String> ids) {
        return ids.stream().map(id -> List.of(
                Command.post(returns, "/api/return-requests/" + id + "/acknowledgement", ACKNOWLEDGEMENT),
                Command.post(returns, "/api/return-requests/" + id + "/submissions", SUBMISSION))).toList();
    }

    private void report(String name, String what, Result result, ForkedService service) throws Exception {
        double[] heap = service.heapMiB();
        System.out.printf("  %s: peak heap used %.0f MiB, %.0f MiB after a full collection (-Xmx%s)%n", name, heap[0], heap[1], HEAP);
        row.accept(String.format("| alone | %s (%s), own JVM -Xmx%s, own PostgreSQL and broker, relay on, %d clients | %,.0f/s%s | p50 %.1f ms, p99 %.1f ms | %.2f of PostgreSQL inserts; heap peak %.0f MiB, %.0f MiB live |",
                name, what, HEAP, clients, result.perSecond(), result.failures() == 0 ? "" : " (" + result.failures() + " failed)",
                result.p50(), result.p99(), result.perSecond() / postgres.perSecond(), heap[0], heap[1]));
    }
}
