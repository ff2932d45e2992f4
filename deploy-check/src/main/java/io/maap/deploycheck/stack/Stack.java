package io.maap.deploycheck.stack;

import io.maap.deploycheck.Report;
import io.maap.deploycheck.compose.ComposeFile;
import io.maap.deploycheck.compose.ComposeService;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code docker compose up} and {@code down}, part by part: every service's container started
 * once its {@code depends_on} conditions hold ({@code service_started}, {@code service_healthy} by
 * its healthcheck, {@code service_completed_successfully}), services without an order between
 * them started together; published ports relayed from the check's host.
 */
public final class Stack implements AutoCloseable {

    /**
     * DEPLOY_CHECK_PATIENCE: a multiplier on every healthcheck's time budget, for a machine much
     * slower than a deployment's host (a shared CI box); 1, compose's own, unless set.
     */
    public static final int PATIENCE = Integer.parseInt(System.getenv().getOrDefault("DEPLOY_CHECK_PATIENCE", "1"));

    /**
     * JVM options the check gives the Java parts it starts (the services, kafka-access, the broker, Keycloak)
     * through {@code JAVA_TOOL_OPTIONS}: the JIT's first tier only and the serial collector, so
     * that a dozen JVMs starting at once on a small machine spend their CPU starting rather than
     * compiling. What the parts do is unchanged; {@code DEPLOY_CHECK_JIT=full} runs them with the
     * JVM's own settings, as the images do.
     */
    private static final String QUICK_JIT = "full".equals(System.getenv("DEPLOY_CHECK_JIT")) ? "" : "-XX:TieredStopAtLevel=1";
    public static final String QUICK_JVM = QUICK_JIT.isEmpty() ? "" : QUICK_JIT + " -XX:+UseSerialGC";

    /** The environment with {@link #QUICK_JVM} added to any {@code JAVA_TOOL_OPTIONS} it has. */
    static void quickJvm(Map<String, String> environment) {
        quickJvm(environment, QUICK_JVM);
    }

    /** As {@link #quickJvm(Map)}, without the collector, for a launcher that chooses its own (Keycloak's kc.sh). */
    static void quickJitOnly(Map<String, String> environment) {
        quickJvm(environment, QUICK_JIT);
    }

    private static void quickJvm(Map<String, String> environment, String options) {
        if (!options.isEmpty()) {
            environment.merge("JAVA_TOOL_OPTIONS", options, (own, quick) -> quick + " " + own);
        }
    }

    private final Path project;
    private final Path run;
    private final ComposeFile compose;
    private final Network network;
    private final Report report;
    private final Map<String, Container> containers = new LinkedHashMap<>();
    private final List<Forwarder> forwarders = new ArrayList<>();
    private final List<String> stopped = Collections.synchronizedList(new ArrayList<>());

    public Stack(Path project, Path run, ComposeFile compose, Network network, Report report) throws IOException {
        this(project, run, compose, List.of(), network, report);
    }

    /** With {@code instances}: further instances of compose services ({@link ComposeService#instance}), started with the rest. */
    public Stack(Path project, Path run, ComposeFile compose, List<ComposeService> instances, Network network, Report report)
            throws IOException {
        this.project = project;
        this.run = run;
        this.compose = compose;
        this.network = network;
        this.report = report;
        for (ComposeService service : compose.services().values()) {
            containers.put(service.name(), container(service));
        }
        for (ComposeService instance : instances) {
            containers.put(instance.name(), container(instance));
        }
    }

    /** docker kill: the part's processes killed at once (SIGKILL); its end is not a failure. */
    public void kill(String name) throws InterruptedException {
        stopped.add(name);
        containers.get(name).kill();
    }

    /** docker rm -f: the part stopped and left out of every later up and down. */
    public void remove(String name) throws InterruptedException {
        Container container = containers.remove(name);
        if (container != null) {
            stopped.add(name);
            container.kill();
        }
    }

    private Container container(ComposeService service) throws IOException {
        if (service.built()) {
            return new JarContainer(service, this);
        }
        String image = service.image();
        if (image.startsWith("apache/kafka:")) {
            return new KafkaContainer(service, this);
        }
        if (image.startsWith("quay.io/keycloak/keycloak:")) {
            return new KeycloakContainer(service, this);
        }
        if (image.startsWith("postgres:")) {
            return new PostgresContainer(service, this);
        }
        if (image.startsWith("mongo:")) {
            return new MongoContainer(service, this);
        }
        throw new IllegalStateException("no local equivalent of image " + image + " (service " + service.name() + ")");
    }

    public Path runDirectory() {
        return run;
    }

    public Path projectDirectory() {
        return project;
    }

    /** A path of the compose file's, relative to the project directory. */
    public Path projectPath(String path) {
        return project.resolve(path).normalize();
    }

    /** A named volume: a directory of this run that outlives every container. */
    public Path volume(String name) {
        Path path = run.resolve("volumes").resolve(name);
        try {
            Files.createDirectories(path);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return path;
    }

    public Network network() {
        return network;
    }

    /** The compose services running the (substituted) MongoDB image. */
    public Set<String> mongoServices() {
        Set<String> names = new TreeSet<>();
        compose.services().values().stream().filter(service -> service.image() != null && service.image().startsWith("mongo:"))
                .forEach(service -> names.add(service.name()));
        return names;
    }

    /** A compose variable's value as the service's process gets it (the MongoDB sign-in left out: {@link MongoCredentials}). */
    public String environmentAsRun(String service, String variable) {
        return MongoCredentials.withoutCredentials(compose.service(service).environment().get(variable), mongoServices());
    }

    public Container container(String service) {
        return containers.get(service);
    }

    public List<String> warnings() {
        List<String> warnings = new ArrayList<>();
        containers.values().stream().filter(KafkaContainer.class::isInstance)
                .forEach(kafka -> ((KafkaContainer) kafka).warnings().forEach(warning -> warnings.add("kafka: " + warning)));
        return warnings;
    }

    /** docker compose up: returns when every service is running (healthy where it has a healthcheck) or has failed. */
    public boolean up(Duration timeout) throws Exception {
        Map<String, CompletableFuture<Void>> started = new LinkedHashMap<>();
        Map<String, CompletableFuture<Void>> healthy = new LinkedHashMap<>();
        Map<String, CompletableFuture<Void>> completed = new LinkedHashMap<>();
        containers.keySet().forEach(name -> {
            started.put(name, new CompletableFuture<>());
            healthy.put(name, new CompletableFuture<>());
            completed.put(name, new CompletableFuture<>());
        });
        long begin = System.nanoTime();
        ExecutorService pool = Executors.newCachedThreadPool();
        try {
            for (Container container : containers.values()) {
                String name = container.service().name();
                pool.submit(() -> {
                    try {
                        for (Map.Entry<String, String> dependency : container.service().dependsOn().entrySet()) {
                            Map<String, CompletableFuture<Void>> condition = switch (dependency.getValue()) {
                                case "service_healthy" -> healthy;
                                case "service_completed_successfully" -> completed;
                                default -> started;
                            };
                            condition.get(dependency.getKey()).get(timeout.toSeconds(), TimeUnit.SECONDS);
                        }
                        long t0 = System.nanoTime();
                        container.start();
                        started.get(name).complete(null);
                        report.part(name, "started: " + container.describe() + ", " + network.address(name));
                        watchExit(container, completed.get(name));
                        awaitHealthy(container, t0);
                        healthy.get(name).complete(null);
                    } catch (Throwable e) {
                        Throwable cause = e instanceof java.util.concurrent.ExecutionException && e.getCause() != null ? e.getCause() : e;
                        String reason = cause.getMessage() == null ? cause.toString() : cause.getMessage();
                        if (cause instanceof DependencyFailed) {
                            report.note(name, "not started: " + reason);
                        } else if (cause instanceof InterruptedException || Thread.currentThread().isInterrupted()) {
                            report.note(name, "given up: compose up took longer than " + timeout.toMinutes() + " min");
                        } else {
                            report.fail("start " + name, reason);
                        }
                        DependencyFailed failed = new DependencyFailed(name);
                        started.get(name).completeExceptionally(failed);
                        healthy.get(name).completeExceptionally(failed);
                        completed.get(name).completeExceptionally(failed);
                    }
                });
            }
            boolean allUp = true;
            for (String name : containers.keySet()) {
                CompletableFuture<Void> ready = containers.get(name).service().healthcheck() == null
                        && isOneShot(name) ? completed.get(name) : healthy.get(name);
                try {
                    ready.get(Math.max(1, timeout.toSeconds() - (System.nanoTime() - begin) / 1_000_000_000L), TimeUnit.SECONDS);
                } catch (java.util.concurrent.TimeoutException e) {
                    report.fail("compose up", name + " not up within " + timeout.toMinutes() + " min");
                    allUp = false;
                    break;
                } catch (Exception e) {
                    allUp = false;
                }
            }
            if (allUp) {
                publishPorts();
            }
            return allUp;
        } finally {
            pool.shutdownNow();
        }
    }

    /** A service others wait for with service_completed_successfully: a job, not a server. */
    private boolean isOneShot(String name) {
        return containers.values().stream().anyMatch(other ->
                "service_completed_successfully".equals(other.service().dependsOn().get(name)));
    }

    private void watchExit(Container container, CompletableFuture<Void> completed) {
        Thread watcher = new Thread(() -> {
            try {
                while (!container.waitForExit(1)) {
                    if (completed.isDone()) {
                        return;
                    }
                }
                Integer code = container.exitCode();
                String name = container.service().name();
                if (stopped.contains(name)) {
                    completed.complete(null);
                } else if (code != null && code == 0) {
                    report.part(name, "exited 0 (completed successfully)");
                    completed.complete(null);
                } else {
                    report.fail("run " + name, "exited with " + code + "; see " + run.relativize(run.resolve("logs/" + name + ".log")));
                    completed.completeExceptionally(new IllegalStateException(name + " exited with " + code));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "exit-" + container.service().name());
        watcher.setDaemon(true);
        watcher.start();
    }

    private void awaitHealthy(Container container, long startedAt) throws Exception {
        ComposeService.Healthcheck check = container.service().healthcheck();
        String name = container.service().name();
        if (check == null) {
            return;
        }
        Duration poll = check.interval().compareTo(Duration.ofSeconds(2)) < 0 ? check.interval() : Duration.ofSeconds(2);
        // Compose's own schedule at its slowest: the start period, then `retries` probes, each up to
        // `timeout` long and `interval` apart. Probed more often here, so healthy is seen sooner.
        long budget = (check.startPeriod().toNanos() + check.interval().plus(check.timeout()).multipliedBy(check.retries()).toNanos())
                * PATIENCE;
        HealthProbe.Result last = null;
        while (System.nanoTime() - startedAt < budget) {
            Thread.sleep(poll.toMillis());
            if (container.exitCode() != null) {
                throw new IllegalStateException("exited with " + container.exitCode() + " before it was healthy; see logs/" + name + ".log");
            }
            last = container.probe();
            if (last.healthy()) {
                report.part(name, String.format("healthy after %d s (%s)", (System.nanoTime() - startedAt) / 1_000_000_000L,
                        last.equivalent() == null ? "its compose healthcheck" : "equivalent: " + last.equivalent()));
                return;
            }
        }
        throw new IllegalStateException("unhealthy: its healthcheck failed " + check.retries() + " times"
                + (last == null ? "" : " (" + last.output() + ")") + "; see logs/" + name + ".log");
    }

    private void publishPorts() throws IOException {
        if (!forwarders.isEmpty()) {
            return;
        }
        for (Container container : containers.values()) {
            for (ComposeService.Port port : container.service().ports()) {
                forwarders.add(new Forwarder(port.published(), new InetSocketAddress(network.address(container.service().name()),
                        port.target())));
            }
        }
    }

    /**
     * docker compose stop: each part once every part depending on it has stopped; parts with no
     * order between them stop together, as compose stops them.
     */
    public void down() {
        Map<String, CompletableFuture<Void>> done = new LinkedHashMap<>();
        containers.keySet().forEach(name -> done.put(name, new CompletableFuture<>()));
        ExecutorService pool = Executors.newCachedThreadPool();
        try {
            for (Container container : containers.values()) {
                String name = container.service().name();
                List<CompletableFuture<Void>> dependents = containers.values().stream()
                        .filter(other -> other.service().dependsOn().containsKey(name))
                        .map(other -> done.get(other.service().name())).toList();
                pool.submit(() -> {
                    try {
                        CompletableFuture.allOf(dependents.toArray(CompletableFuture[]::new)).get();
                        stopped.add(name);
                        container.stop();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } catch (Exception e) {
                        report.note(name, "stop: " + e);
                    } finally {
                        done.get(name).complete(null);
                    }
                });
            }
            CompletableFuture.allOf(done.values().toArray(CompletableFuture[]::new)).join();
        } finally {
            pool.shutdown();
        }
    }

    /** docker compose down then up: containers made afresh (their own files gone), volumes kept. */
    public void recreate() throws IOException {
        down();
        stopped.clear();
        for (String name : containers.keySet()) {
            Path fs = run.resolve("containers").resolve(name).resolve("fs");
            if (Files.exists(fs)) {
                try (Stream<Path> files = Files.walk(fs)) {
                    files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                }
            }
        }
    }

    @Override
    public void close() {
        down();
        for (Forwarder forwarder : forwarders) {
            try {
                forwarder.close();
            } catch (IOException ignored) {
                // closing
            }
        }
    }

    private static final class DependencyFailed extends IllegalStateException {
        DependencyFailed(String service) {
            super("dependency " + service + " failed");
        }
    }
}
