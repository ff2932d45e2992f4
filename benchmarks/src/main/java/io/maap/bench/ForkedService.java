package io.maap.bench;

import io.maap.local.LocalKafka;
import io.maap.local.MaapServices.Service;
import io.maap.testsupport.TestInfrastructure;
import io.maap.testsupport.TestTokens;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * One service in a JVM of its own with a given heap (issue 20, item 8). {@link #start} runs a write
 * service alone (item 1): its own fresh PostgreSQL database and its own Kafka broker (a
 * {@link LocalKafka} child JVM on free ports), its relay on, no other service running. {@link #fork}
 * runs one on the infrastructure its properties name (the read side's reporting-service).
 */
final class ForkedService implements AutoCloseable {

    private final LocalKafka kafka;
    private final TestInfrastructure.Database database;
    private final Process process;
    private final PrintWriter commands;
    private final java.util.concurrent.BlockingQueue<String> answers = new java.util.concurrent.LinkedBlockingQueue<>();
    private final int port;
    private final Path log;

    private ForkedService(LocalKafka kafka, TestInfrastructure.Database database, Process process, Path log) throws IOException {
        this.kafka = kafka;
        this.database = database;
        this.process = process;
        this.log = log;
        this.commands = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        Thread reader = new Thread(() -> drain(new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))),
                "forked-service-output");
        reader.setDaemon(true);
        reader.start();
        this.port = Integer.parseInt(awaitLine("MAAP-READY ").trim());
    }

    /** The service alone on a broker and a PostgreSQL database of its own. */
    static ForkedService start(Service service, String heap) throws Exception {
        String classPath = projectClassPath();
        String previous = System.getProperty("java.class.path");
        Path dir = Files.createTempDirectory("maap-bench-" + service.serviceName());
        LocalKafka kafka = new LocalKafka(dir, freePort());
        System.setProperty("java.class.path", classPath);
        try {
            kafka.start();
        } finally {
            System.setProperty("java.class.path", previous);
        }
        TestInfrastructure.Database database = TestInfrastructure.newPostgresDatabase("maap_bench_alone");
        Map<String, String> properties = new LinkedHashMap<>(database.springProperties());
        properties.put("spring.cloud.stream.kafka.binder.brokers", kafka.bootstrapServers());
        properties.put("server.port", "0");
        properties.put("logging.level.root", "WARN");
        properties.put("maap.rate-limit.general.capacity", "1000000");
        return launch(service, heap, properties, dir, kafka, database);
    }

    /** The service on the broker, databases and settings {@code properties} name; stopping it stops only its JVM. */
    static ForkedService fork(Service service, String heap, Map<String, String> properties) throws Exception {
        return launch(service, heap, new LinkedHashMap<>(properties), Files.createTempDirectory("maap-bench-" + service.serviceName()),
                null, null);
    }

    /**
     * reporting-service on a broker and a MongoDB database, with live consumption off and the
     * scheduled "as at" checkpoint run held off (it would replay the log beside what is measured),
     * as the read side's parts run it: they fill its read model with {@code POST /api/rebuilds}.
     * {@code more} adds or overrides settings.
     */
    static ForkedService reportingWithoutLiveConsumption(String heap, String kafka, String mongoUri, Map<String, String> more)
            throws Exception {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("spring.cloud.stream.kafka.binder.brokers", kafka);
        settings.put("spring.mongodb.uri", mongoUri);
        settings.put("server.port", "0");
        settings.put("logging.level.root", "WARN");
        settings.put("maap.reporting.live-bindings", "");
        settings.put("maap.reporting.as-at-checkpoint-delay", "P1D");
        for (String binding : List.of("auditEvents", "caseReturnEvents", "actionPlanEvents")) {
            settings.put("spring.cloud.stream.bindings." + binding + "-in-0.consumer.auto-startup", "false");
        }
        settings.putAll(more);
        return fork(Service.REPORTING, heap, settings);
    }

    private static ForkedService launch(Service service, String heap, Map<String, String> properties, Path dir, LocalKafka kafka,
                                        TestInfrastructure.Database database) throws Exception {
        String classPath = projectClassPath();
        properties.putAll(TestTokens.properties());
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap));
        String options = System.getProperty("maap.bench.alone-jvm-options", "");
        if (!options.isBlank()) {
            command.addAll(List.of(options.trim().split("\\s+")));
        }
        command.addAll(List.of("-cp", classPath, ServiceMain.class.getName(), service.name()));
        properties.forEach((key, value) -> command.add("--" + key + "=" + value));
        Path log = dir.resolve("service.log");
        Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
        return new ForkedService(kafka, database, process, log);
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    /** The broker of a service {@link #start started} alone. */
    String kafka() {
        return alone(kafka).bootstrapServers();
    }

    /** The PostgreSQL database of a service {@link #start started} alone. */
    TestInfrastructure.Database database() {
        return alone(database);
    }

    private static <T> T alone(T infrastructure) {
        if (infrastructure == null) {
            throw new IllegalStateException("A forked service runs on infrastructure it was given, not its own");
        }
        return infrastructure;
    }

    /** The CPU time the service's JVM has used so far, all its threads, in nanoseconds (as the operating system counts it). */
    long cpuNanos() {
        return process.info().totalCpuDuration().map(java.time.Duration::toNanos)
                .orElseThrow(() -> new IllegalStateException("The operating system does not give the service's CPU time"));
    }

    /** The JVM's peak heap used and its heap after a full collection, in MiB. */
    double[] heapMiB() throws IOException {
        commands.println("heap");
        String[] figures = awaitLine("MAAP-HEAP ").trim().split(" ");
        return new double[] {Long.parseLong(figures[0]) / 1048576.0, Long.parseLong(figures[1]) / 1048576.0};
    }

    /** The child's answers ({@code MAAP-} lines) to the queue; the rest (its log) to {@code service.out} beside {@code service.log}. */
    private void drain(BufferedReader output) {
        try (java.io.BufferedWriter out = Files.newBufferedWriter(log.resolveSibling("service.out"))) {
            String line;
            while ((line = output.readLine()) != null) {
                if (line.startsWith("MAAP-")) {
                    answers.add(line);
                } else {
                    out.write(line);
                    out.newLine();
                }
            }
        } catch (IOException e) {
            // the child has gone
        }
        answers.add("MAAP-EXIT");
    }

    private String awaitLine(String prefix) throws IOException {
        try {
            while (true) {
                String line = answers.poll(5, TimeUnit.MINUTES);
                if (line == null || line.equals("MAAP-EXIT")) {
                    throw new IllegalStateException("The service stopped or did not answer; see " + log);
                }
                if (line.startsWith(prefix)) {
                    return line.substring(prefix.length());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    @Override
    public void close() throws Exception {
        commands.println("stop");
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        if (kafka != null) {
            kafka.close();
            // The broker's data goes; the service's logs stay (service.log, service.out).
            try (var files = Files.walk(log.resolveSibling("kafka"))) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        System.out.printf("  (the service's logs: %s)%n", log.getParent());
    }

    /** The benchmark's own class path: Maven's exec:java runs it in a class loader of the project's jars. */
    private static String projectClassPath() {
        if (Thread.currentThread().getContextClassLoader() instanceof URLClassLoader loader && loader.getURLs().length > 1) {
            return Arrays.stream(loader.getURLs()).map(url -> {
                try {
                    return new File(url.toURI()).getPath();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).collect(Collectors.joining(File.pathSeparator));
        }
        return System.getProperty("java.class.path");
    }

    private static int freePort() throws IOException {
        // LocalKafka takes the port and the next one (its controller).
        for (int attempt = 0; attempt < 20; attempt++) {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            try (ServerSocket next = new ServerSocket(port + 1)) {
                return port;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IllegalStateException("No two free ports in a row");
    }
}
