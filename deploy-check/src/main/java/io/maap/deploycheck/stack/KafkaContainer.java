package io.maap.deploycheck.stack;

import io.maap.deploycheck.compose.ComposeService;
import io.maap.deploycheck.kafka.KafkaImageConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The {@code apache/kafka} image's broker: the Apache Kafka server jars ({@code kafka_2.13} and
 * its dependencies, from Maven Central) configured as the image configures itself from the
 * compose {@code KAFKA_*} variables, storage formatted with {@code CLUSTER_ID} as its launch
 * script does, started as {@code kafka-server-start.sh} starts it (1 GB heap, {@code KAFKA_OPTS}).
 * {@code /opt/kafka/bin/kafka-broker-api-versions.sh}, which the healthcheck calls, asks the
 * broker for its API versions with the given client properties, as the image's script does.
 */
final class KafkaContainer extends Container {

    private final KafkaImageConfig config;
    private final Path properties;

    KafkaContainer(ComposeService service, Stack stack) throws IOException {
        super(service, stack);
        this.config = KafkaImageConfig.from(service.environment());
        map("/opt/kafka", root.resolve("opt/kafka"));
        map("/etc/kafka/kafka.properties", root.resolve("etc/kafka/kafka.properties"));
        this.properties = hostPath("/etc/kafka/kafka.properties");
        Path tool = hostPath("/opt/kafka/bin/kafka-broker-api-versions.sh");
        Files.createDirectories(tool.getParent());
        Files.writeString(tool, "#!/bin/sh\nexec " + java() + " -cp '" + classPath() + "' "
                + BrokerApiVersions.class.getName() + " \"$@\"\n");
        Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    List<String> warnings() {
        return config.warnings();
    }

    @Override
    public String describe() {
        return service.image() + " → Apache Kafka " + org.apache.kafka.common.utils.AppInfoParser.getVersion()
                + " server (kafka_2.13, Maven Central), server.properties from the KAFKA_* variables as the image makes it";
    }

    @Override
    protected void prepare() throws Exception {
        StringBuilder text = new StringBuilder();
        config.properties().forEach((name, value) -> text.append(name).append('=').append(mapPaths(value)).append('\n'));
        Files.createDirectories(properties.getParent());
        Files.writeString(properties, text);
        List<Path> logDirs = new ArrayList<>();
        for (String dir : config.properties().getOrDefault("log.dirs", "").split(",")) {
            if (!dir.isBlank()) {
                logDirs.add(Files.createDirectories(hostPath(dir.strip())));
            }
        }
        if (formattedFor(logDirs, config.clusterId())) {
            return; // what the image's format step would answer ("already formatted"), without its JVM
        }
        List<String> format = new ArrayList<>(List.of("ip", "netns", "exec", namespace(), java(), "-cp", classPath(),
                "kafka.tools.StorageTool", "format", "--cluster-id=" + config.clusterId(), "-c", properties.toString()));
        ProcessBuilder formatting = new ProcessBuilder(format).redirectErrorStream(true);
        Stack.quickJvm(formatting.environment());
        Process process = formatting.start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0 && !output.toLowerCase().contains("already formatted")) {
            throw new IllegalStateException("kafka-storage.sh format failed: " + output.strip());
        }
    }

    /**
     * Whether every log directory already holds the storage format step's {@code meta.properties}
     * for this cluster: then the image's step only answers "already formatted", a JVM start (some
     * 20 s on two busy cores) on the restart's critical path, so it is not run.
     */
    static boolean formattedFor(List<Path> logDirs, String clusterId) throws IOException {
        if (logDirs.isEmpty()) {
            return false;
        }
        for (Path dir : logDirs) {
            Path meta = dir.resolve("meta.properties");
            if (!Files.isRegularFile(meta)) {
                return false;
            }
            java.util.Properties written = new java.util.Properties();
            try (var in = Files.newInputStream(meta)) {
                written.load(in);
            }
            if (!clusterId.equals(written.getProperty("cluster.id"))) {
                return false;
            }
        }
        return true;
    }

    /** The broker, and the healthcheck's tool, as the check's other JVMs ({@link Stack#QUICK_JVM}). */
    @Override
    protected Map<String, String> environment() {
        Map<String, String> environment = super.environment();
        Stack.quickJvm(environment);
        return environment;
    }

    @Override
    protected List<String> commandLine() {
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx1G", "-Xms1G"));
        String options = environment().getOrDefault("KAFKA_OPTS", "");
        Arrays.stream(options.split("\\s+")).filter(word -> !word.isEmpty()).forEach(command::add);
        command.addAll(List.of("-cp", classPath(), "kafka.Kafka", properties.toString()));
        return command;
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static String classPath() {
        return System.getProperty("java.class.path");
    }
}
