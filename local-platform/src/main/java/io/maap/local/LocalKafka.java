package io.maap.local;

import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real single-node KRaft Kafka broker in a child JVM, run from the {@code kafka_2.13} jars on
 * this module's classpath. Its log directory lives under the local data directory, so topics
 * and consumer offsets survive a restart of the local platform.
 */
public final class LocalKafka implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalKafka.class);

    private final Path dataDir;
    private final int port;
    private final String adminPassword;
    private Process process;

    public LocalKafka(Path dataDir, int port) {
        this(dataDir, port, null);
    }

    private LocalKafka(Path dataDir, int port, String adminPassword) {
        this.dataDir = dataDir;
        this.port = port;
        this.adminPassword = adminPassword;
    }

    /**
     * A broker as a deployment runs it: clients authenticate with SASL/SCRAM-SHA-512, and only
     * what an ACL allows is allowed ({@code admin} is the super user, created at format time).
     * The controller listener stays plain on loopback; its connections are the broker's own.
     */
    public static LocalKafka secured(Path dataDir, int port, String adminPassword) {
        return new LocalKafka(dataDir, port, adminPassword);
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public void start() throws IOException, InterruptedException {
        if (isListening(port)) {
            throw new IllegalStateException("Port " + port + " is already in use; set KAFKA_BOOTSTRAP_SERVERS to use "
                    + "a running broker, or MAAP_KAFKA_PORT to choose another port.");
        }
        Path logDir = dataDir.resolve("kafka");
        Files.createDirectories(logDir);
        Path config = dataDir.resolve("kafka-server.properties");
        String listener = adminPassword == null ? "PLAINTEXT" : "SASL_PLAINTEXT";
        List<String> security = adminPassword == null ? List.of() : List.of(
                "sasl.enabled.mechanisms=SCRAM-SHA-512",
                "sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512",
                "listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config="
                        + io.maap.support.messaging.KafkaClientSecurity.jaasConfig("SCRAM-SHA-512", "admin", adminPassword),
                "authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer",
                "allow.everyone.if.no.acl.found=false",
                "super.users=User:admin;User:ANONYMOUS");
        Files.writeString(config, String.join("\n", security) + "\n" + String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + (port + 1),
                "listeners=" + listener + "://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + (port + 1),
                "advertised.listeners=" + listener + "://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=" + listener,
                "listener.security.protocol.map=" + listener + ":" + listener + ",CONTROLLER:PLAINTEXT",
                "log.dirs=" + logDir.toAbsolutePath(),
                "num.partitions=3",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "auto.create.topics.enable=true",
                ""));
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            List<String> formatArgs = new ArrayList<>(List.of("format", "-t", clusterId(), "-c",
                    config.toAbsolutePath().toString()));
            if (adminPassword != null) {
                formatArgs.addAll(List.of("--add-scram", "SCRAM-SHA-512=[name=admin,password=" + adminPassword + "]"));
            }
            Process format = javaProcess("kafka.tools.StorageTool", formatArgs.toArray(String[]::new))
                    .redirectOutput(dataDir.resolve("kafka-format.log").toFile())
                    .redirectErrorStream(true)
                    .start();
            if (!format.waitFor(120, TimeUnit.SECONDS) || format.exitValue() != 0) {
                throw new IllegalStateException("Formatting Kafka storage failed; see " + dataDir.resolve("kafka-format.log"));
            }
        }
        process = javaProcess("kafka.Kafka", config.toAbsolutePath().toString())
                .redirectOutput(dataDir.resolve("kafka.log").toFile())
                .redirectErrorStream(true)
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!isListening(port)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Kafka exited; see " + dataDir.resolve("kafka.log"));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Kafka did not start in 120 s; see " + dataDir.resolve("kafka.log"));
            }
            Thread.sleep(200);
        }
        log.info("Kafka broker listening on {}", bootstrapServers());
    }

    private static String clusterId() {
        // A base64url UUID, as Kafka's own generator makes them, but never one starting with '-':
        // the storage tool's command line takes that for an option (one random id in 64 did).
        String id;
        do {
            id = Uuid.randomUuid().toString();
        } while (id.startsWith("-"));
        return id;
    }

    /**
     * A child JVM running {@code mainClass} from this JVM's classpath; inside the Spring Boot
     * executable jar, through its {@code PropertiesLauncher} so the nested jars are visible.
     */
    private static ProcessBuilder javaProcess(String mainClass, String... args) {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("java.class.path");
        List<String> command = new ArrayList<>(List.of(javaBin, "-Xms256m", "-Xmx1g", "-cp", classPath));
        boolean executableJar = !classPath.contains(File.pathSeparator) && classPath.endsWith(".jar");
        if (executableJar) {
            command.add("-Dloader.main=" + mainClass);
            command.add("org.springframework.boot.loader.launch.PropertiesLauncher");
        } else {
            command.add(mainClass);
        }
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }

    static boolean isListening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }
}
