package io.maap.deploycheck;

import io.maap.deploycheck.compose.ComposeFile;
import io.maap.deploycheck.compose.ComposeService;
import io.maap.deploycheck.compose.DotEnv;
import io.maap.deploycheck.scale.ScaleOut;
import io.maap.deploycheck.stack.Network;
import io.maap.deploycheck.stack.Stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ./deploy-check.sh}: docker-compose.yml run part by part as local processes, then checked
 * from outside as its users would use it. Arguments: the project directory, the {@code .env}
 * file, the run directory, a short id naming this run's network namespaces.
 */
public final class DeployCheck {

    private DeployCheck() {
    }

    public static void main(String[] args) throws Exception {
        Path project = Path.of(args[0]).toAbsolutePath().normalize();
        Path envFile = Path.of(args[1]).toAbsolutePath().normalize();
        Path run = Path.of(args[2]).toAbsolutePath().normalize();
        String id = args[3];
        Report report = new Report();
        Map<String, String> variables = new LinkedHashMap<>(DotEnv.read(envFile, System.getenv()));
        variables.putAll(System.getenv());
        ComposeFile compose;
        try {
            compose = ComposeFile.read(project.resolve("docker-compose.yml"), variables);
        } catch (IllegalArgumentException e) {
            report.fail("compose file", e.getMessage());
            report.summary();
            System.exit(1);
            return;
        }
        report.note("compose", compose.services().size() + " services, interpolated from " + project.relativize(envFile)
                + "; each in a network namespace " + id + "-<service> on a bridge, /etc/hosts naming the services");
        Files.createDirectories(run);
        List<ComposeService> instances = Checks.SCALE_OUT ? ScaleOut.instances(compose) : List.of();
        List<String> names = new ArrayList<>(compose.services().keySet());
        instances.forEach(instance -> names.add(instance.name()));
        if (!instances.isEmpty()) {
            report.note("scale-out", "second instances, started with the rest: " + instances.stream().map(ComposeService::name).toList());
        }
        Network network = Network.create(id, names, run.resolve("hosts"));
        Stack[] started = new Stack[1];
        java.util.concurrent.atomic.AtomicBoolean cleaned = new java.util.concurrent.atomic.AtomicBoolean();
        Object cleaning = new Object();
        Thread cleanUp = new Thread(() -> {
            synchronized (cleaning) {
                // A second caller (Ctrl-C during the first clean-up) waits for the first to finish.
                if (cleaned.getAndSet(true)) {
                    return;
                }
                if (started[0] != null) {
                    started[0].close();
                }
                network.close();
            }
        });
        Runtime.getRuntime().addShutdownHook(cleanUp);
        Stack stack = null;
        try {
            stack = new Stack(project, run, compose, instances, network, report);
            started[0] = stack;
            stack.warnings().forEach(warning -> report.note("image", warning));
            if (!Stack.QUICK_JVM.isEmpty()) {
                report.note("jvm", "the services, kafka-access and the Kafka broker run with JAVA_TOOL_OPTIONS=" + Stack.QUICK_JVM
                        + ", Keycloak with its JIT option only (kc.sh chooses the collector) (start-up CPU for many JVMs on few cores; DEPLOY_CHECK_JIT=full: the images' own JVM settings)");
            }
            if (Stack.PATIENCE != 1) {
                report.note("patience", "healthchecks given " + Stack.PATIENCE + " times compose's time (DEPLOY_CHECK_PATIENCE)");
            }
            if (stack.up(Duration.ofMinutes(15L * Stack.PATIENCE))) {
                Checks.all(stack, compose, report, project);
            }
        } catch (Exception e) {
            report.fail("deploy-check", e.toString());
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(cleanUp);
                cleanUp.run();
            } catch (IllegalStateException shuttingDown) {
                // interrupted (Ctrl-C, kill): the shutdown hook cleans up
            }
        }
        report.summary();
        System.exit(report.failed() ? 1 : 0);
    }
}
