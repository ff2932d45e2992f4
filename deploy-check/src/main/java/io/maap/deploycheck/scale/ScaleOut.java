package io.maap.deploycheck.scale;

import io.maap.deploycheck.Report;
import io.maap.deploycheck.compose.ComposeFile;
import io.maap.deploycheck.compose.ComposeService;
import io.maap.deploycheck.stack.Stack;
import org.apache.kafka.clients.admin.Admin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The scale-out phase (docs/deployment-check.md): two instances each of case-return-service,
 * action-plan-service and reporting-service on the same databases and topics, the load driven through
 * both; one instance's network link cut mid-run and restored, then one instance of each killed
 * mid-run; after each, the deployment checked against its event stores ({@link EventLog}); and
 * both instances of each seen at work ({@link Participation}).
 */
public final class ScaleOut {

    /** The services run twice, with what their database variables start with (none: no event store). */
    public static final Map<String, String> SCALED = new LinkedHashMap<>(Map.of(
            "case-return-service", "CASE_RETURN", "action-plan-service", "ACTION_PLAN", "reporting-service", ""));
    private static final Map<String, Integer> PORTS = Map.of("case-return-service", 8082, "action-plan-service", 8083,
            "reporting-service", 8084, "audit-programme-service", 8081);

    private final Stack stack;
    private final ComposeFile compose;
    private final Report report;
    private final Watch watch;
    private final Instances audits;
    private final Instances returns;
    private final Instances learning;
    private final ScaleLoad.Ledger ledger = new ScaleLoad.Ledger();
    private final ScaleLoad load;
    private final EventLog log;

    private ScaleOut(Stack stack, ComposeFile compose, Report report, String token, String mongoUri) {
        this.stack = stack;
        this.compose = compose;
        this.report = report;
        this.audits = instances("audit-programme-service", List.of("audit-programme-service"), token);
        this.returns = instances("case-return-service", names("case-return-service"), token);
        this.learning = instances("action-plan-service", names("action-plan-service"), token);
        this.load = new ScaleLoad(audits, returns, learning, ledger, "scale-" + Long.toHexString(System.nanoTime() & 0xfffff));
        this.log = new EventLog(compose.service("case-return-service"), compose.service("action-plan-service"), mongoUri);
        this.watch = new Watch(stack, compose, new Participation(this::instanceOfPid, this::instanceOfAddress));
    }

    /** The further instances the deployment check starts with the rest: {@code <service>-2} of each scaled service. */
    public static List<ComposeService> instances(ComposeFile compose) {
        return SCALED.keySet().stream().map(name -> compose.service(name).instance(2)).toList();
    }

    static List<String> names(String service) {
        return List.of(service, service + "-2");
    }

    /** Runs the phase; {@code mongoUri} is reporting-service's MongoDB as the check reaches it. */
    public static void run(Stack stack, ComposeFile compose, Report report, String token, String mongoUri) {
        ScaleOut scaleOut = new ScaleOut(stack, compose, report, token, mongoUri);
        try {
            scaleOut.phases();
        } finally {
            scaleOut.watch.close();
            for (String service : SCALED.keySet()) {
                try {
                    stack.remove(service + "-2");
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private void phases() {
        report.check("scale-out: network partition", () -> {
            String[] cut = new String[1];
            long[] tookOver = new long[1];
            load.round("cut", 4, () -> {
                cut[0] = watch.busiest("case-return-service");
                returns.down(cut[0], true);
                try {
                    stack.network().link(cut[0], false);
                    tookOver[0] = watch.awaitNoSegments("case-return-service", cut[0], 90);
                    stack.network().link(cut[0], true);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                } finally {
                    returns.down(cut[0], false);
                }
            });
            return "link of " + cut[0] + " cut mid-run (its segments taken over by the other instance in " + tookOver[0]
                    + " s), then restored; " + consistent();
        });
        Map<String, Set<String>> groups = new TreeMap<>();
        report.check("scale-out: one instance of each killed", () -> {
            List<String> killed = new ArrayList<>();
            load.round("kill", 4, () -> {
                try (Admin admin = Watch.admin(compose)) {
                    groups.putAll(groupsOnBothInstances(admin));
                    for (String service : SCALED.keySet()) {
                        String victim = SCALED.get(service).isEmpty() ? service : watch.busiest(service);
                        stack.kill(victim);
                        killed.add(victim);
                        if (service.equals("case-return-service")) {
                            returns.down(victim, true);
                        } else if (service.equals("action-plan-service")) {
                            learning.down(victim, true);
                        }
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            return "kill -9 of " + killed + " mid-run, their survivors finished the load; " + consistent();
        });
        report.check("scale-out: both instances took part", () -> {
            List<String> missing = new ArrayList<>();
            Map<String, Integer> commands = ScaleLoad.acknowledged(returns, learning);
            commands.forEach((instance, count) -> {
                if (count == 0) {
                    missing.add(instance + " acknowledged no command");
                }
            });
            for (String service : SCALED.keySet()) {
                if (!SCALED.get(service).isEmpty() && !watch.awaitSegmentOwners(service, Set.copyOf(names(service)), 60)) {
                    missing.add(service + ": segments owned only by " + watch.participation().segmentOwners(service));
                }
                if (groups.values().stream().noneMatch(members -> members.containsAll(names(service)))) {
                    missing.add(service + ": no consumer group had partitions on both instances");
                }
            }
            if (!missing.isEmpty()) {
                throw new IllegalStateException(missing + "; commands " + commands + ", segments " + watch.participation().segments()
                        + ", consumer groups " + groups);
            }
            return "commands acknowledged " + commands + "; segment owners over time " + watch.participation().segments()
                    + "; consumer groups with partitions on both instances before the kill: "
                    + groups.entrySet().stream().filter(g -> g.getValue().size() > 1).map(Map.Entry::getKey).toList();
        });
    }

    /**
     * The consumer groups with partitions assigned, once each scaled service has a group with
     * partitions on both its instances (a member cut off by the partition before is dropped from
     * its groups and must join them again), or as they are after a minute.
     */
    private Map<String, Set<String>> groupsOnBothInstances(Admin admin) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L * Stack.PATIENCE;
        while (true) {
            Map<String, Set<String>> groups = watch.participation().consumerGroups(admin);
            boolean settled = SCALED.keySet().stream().allMatch(service ->
                    groups.values().stream().anyMatch(members -> members.containsAll(names(service))));
            if (settled || System.nanoTime() > deadline) {
                return groups;
            }
            Thread.sleep(500);
        }
    }

    /** Waits until the event log and the read models agree (relays, consumers and deadlines catch up), or says what differs. */
    private String consistent() throws Exception {
        if (!ledger.problems.isEmpty()) {
            List<String> failed = List.copyOf(ledger.problems);
            ledger.problems.clear();
            throw new IllegalStateException("the load failed: " + failed.subList(0, Math.min(10, failed.size())));
        }
        long deadline = System.nanoTime() + 120_000_000_000L * Stack.PATIENCE;
        while (true) {
            Map<String, Object> counts = new LinkedHashMap<>();
            List<String> problems = log.problems(ledger, counts);
            if (problems.isEmpty()) {
                return "every event once in every read model, every deadline fired once: " + counts;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(problems.size() + " problems: " + String.join("; ",
                        problems.subList(0, Math.min(20, problems.size()))));
            }
            Thread.sleep(2000);
        }
    }

    private Instances instances(String service, List<String> names, String token) {
        Map<String, String> urls = new LinkedHashMap<>();
        names.forEach(name -> urls.put(name, "http://" + stack.network().address(name) + ":" + PORTS.get(service)));
        return new Instances(service, urls, token);
    }

    private String instanceOfPid(long pid) {
        return find(name -> stack.container(name) != null && stack.container(name).pids().contains(pid));
    }

    private String instanceOfAddress(String address) {
        return find(name -> address.equals(stack.network().address(name)));
    }

    private String find(Function<String, Boolean> test) {
        for (String service : SCALED.keySet()) {
            for (String name : names(service)) {
                if (test.apply(name)) {
                    return name;
                }
            }
        }
        return null;
    }
}
