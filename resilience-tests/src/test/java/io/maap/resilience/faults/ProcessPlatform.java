package io.maap.resilience.faults;

import io.maap.local.LocalKafka;
import io.maap.local.MaapServices.Service;
import io.maap.testsupport.FreePorts;
import io.maap.testsupport.TestInfrastructure;
import io.maap.testsupport.TestInfrastructure.Database;
import io.maap.testsupport.TestTokens;
import io.maap.testsupport.api.ApiClient;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The platform as it runs in a deployment, one process per part, so that each can fail on its
 * own: a Kafka broker in a child JVM (its log on disk, so a restart keeps it), the four services
 * each in a child JVM on a fixed port with its own PostgreSQL database (reporting-service with
 * its MongoDB database), and the local PostgreSQL server they share. Services can be killed with
 * SIGKILL and started again; the broker and PostgreSQL can be restarted under them.
 */
final class ProcessPlatform implements AutoCloseable {

    static final List<Service> SERVICES = Service.apis();
    /** The QA coordinator's token, renewed as the suite runs for longer than a token lasts. */
    private static final Supplier<String> QA = TestTokens.renewing(TestTokens::qaCoordinator);

    private final Path dir;
    private final LocalKafka kafka;
    private final Map<Service, Map<String, String>> properties = new EnumMap<>(Service.class);
    private final Map<Service, Database> databases = new EnumMap<>(Service.class);
    private final Map<Service, Integer> ports = new EnumMap<>(Service.class);
    private final Map<Service, Process> processes = new EnumMap<>(Service.class);
    private final Map<Service, Integer> starts = new EnumMap<>(Service.class);
    private final String mongoUri;

    ProcessPlatform(Path dir) throws IOException {
        this.dir = dir;
        Files.createDirectories(dir);
        int kafkaPort = FreePorts.pair();
        this.kafka = new LocalKafka(dir.resolve("broker"), kafkaPort);
        this.mongoUri = TestInfrastructure.newMongoUri("maap_faults_reporting");
        databases.put(Service.AUDIT_PROGRAMME, TestInfrastructure.newPostgresDatabase("maap_faults_audit_programme"));
        databases.put(Service.CASE_RETURN, TestInfrastructure.newPostgresDatabase("maap_faults_case_return"));
        databases.put(Service.ACTION_PLAN, TestInfrastructure.newPostgresDatabase("maap_faults_action_plan"));
        databases.put(Service.NOTIFICATION, TestInfrastructure.newPostgresDatabase("maap_faults_notification"));
        for (Service service : SERVICES) {
            ports.put(service, FreePorts.one());
            Map<String, String> own = new LinkedHashMap<>();
            own.put("server.port", Integer.toString(ports.get(service)));
            own.put("spring.cloud.stream.kafka.binder.brokers", kafka.bootstrapServers());
            own.put("maap.deadlines.polling-interval", "1s");
            // A killed instance's deadlines are taken over after four missed heartbeats.
            own.put("maap.deadlines.heartbeat-interval", "2s");
            own.put("logging.level.root", "WARN");
            own.put("logging.level.io.maap", "INFO");
            own.putAll(TestTokens.properties());
            Database database = databases.get(service);
            if (database != null) {
                own.putAll(database.springProperties());
            } else {
                own.put("spring.mongodb.uri", mongoUri);
                own.put("maap.reporting.board-feed-interval", "1s");
            }
            properties.put(service, own);
        }
    }

    /** A setting for the service, before {@link #start()} (it holds for its restarts too). */
    void configure(Service service, String key, String value) {
        properties.get(service).put(key, value);
    }

    /** Starts the broker, then every service, and waits until all are ready. */
    void start() throws Exception {
        // Child processes outlive a JVM that is stopped without running its tests' clean-up.
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "stop-fault-suite-platform"));
        kafka.start();
        for (Service service : SERVICES) {
            launch(service);
        }
        for (Service service : SERVICES) {
            awaitReady(service);
        }
    }

    String kafka() {
        return kafka.bootstrapServers();
    }

    String mongoUri() {
        return mongoUri;
    }

    Database database(Service service) {
        return databases.get(service);
    }

    /** The service's API, as the QA coordinator. */
    ApiClient api(Service service) {
        return ApiClient.of("http://localhost:" + ports.get(service), QA);
    }

    Path dir() {
        return dir;
    }

    private void launch(Service service) throws IOException {
        int start = starts.merge(service, 1, Integer::sum);
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(javaBin, "-Xms128m", "-Xmx640m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), ServiceMain.class.getName(),
                service.name()));
        properties.get(service).forEach((key, value) -> command.add("--" + key + "=" + value));
        Path log = dir.resolve(service.serviceName() + "-" + start + ".log");
        processes.put(service, new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start());
    }

    /** Waits until the service answers its readiness probe (its consumers and processors are started by then). */
    void awaitReady(Service service) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        ApiClient health = api(service).as(null);
        while (true) {
            Process process = processes.get(service);
            if (!process.isAlive()) {
                throw new IllegalStateException(service.serviceName() + " exited with " + process.exitValue() + "; see "
                        + dir.resolve(service.serviceName() + "-" + starts.get(service) + ".log"));
            }
            if (health.get("/actuator/health/readiness").status() == 200) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(service.serviceName() + " was not ready in 240 s");
            }
            Thread.sleep(250);
        }
    }

    /** Kills the service's process with SIGKILL (no shutdown hooks, nothing flushed) and waits until it is gone. */
    void kill(Service service) throws InterruptedException {
        Process process = processes.get(service);
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException(service.serviceName() + " survived SIGKILL");
        }
        if (process.exitValue() != 128 + 9) {
            throw new IllegalStateException(service.serviceName() + " ended with " + process.exitValue() + ", not by SIGKILL");
        }
    }

    /** Starts the service again, on the same port and databases, and waits until it is ready. */
    void restart(Service service) throws Exception {
        launch(service);
        awaitReady(service);
    }

    /** Stops the broker (as its operator would) and starts it again on the same log. */
    void restartKafka() throws Exception {
        kafka.close();
        kafka.start();
    }

    /**
     * Restarts the PostgreSQL server all three event stores live on ({@code pg_ctlcluster ...
     * restart}, fast mode: open connections are cut). Only where the tests use this machine's
     * own PostgreSQL; false where they run on containers.
     */
    boolean restartPostgres() throws Exception {
        if (TestInfrastructure.mode() != TestInfrastructure.Mode.LOCAL) {
            return false;
        }
        String version;
        try (var versions = Files.list(Path.of("/etc/postgresql"))) {
            version = versions.map(p -> p.getFileName().toString()).sorted().reduce((a, b) -> b).orElseThrow();
        }
        Process restart = new ProcessBuilder("pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "restart",
                "--", "-m", "fast").redirectErrorStream(true).redirectOutput(dir.resolve("postgres-restart.log").toFile()).start();
        if (!restart.waitFor(120, TimeUnit.SECONDS) || restart.exitValue() != 0) {
            throw new IllegalStateException("Restarting PostgreSQL failed; see " + dir.resolve("postgres-restart.log"));
        }
        return true;
    }

    @Override
    public synchronized void close() {
        processes.values().forEach(Process::destroy);
        for (Process process : processes.values()) {
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
        kafka.close();
    }
}
