package io.maap.deploycheck.stack;

import io.maap.deploycheck.compose.ComposeService;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A compose healthcheck's test, run inside the service's namespace with its environment. */
public final class HealthProbe {

    private HealthProbe() {
    }

    /** {@code equivalent} names the stand-in when the image's own tool is not on this machine. */
    public record Result(boolean healthy, String equivalent, String output) {
    }

    static Result run(Container container, ComposeService.Healthcheck healthcheck) throws Exception {
        if (healthcheck == null || healthcheck.test().isEmpty() || healthcheck.test().get(0).equals("NONE")) {
            return new Result(true, null, "no healthcheck");
        }
        List<String> test = healthcheck.test();
        List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", container.namespace()));
        if (test.get(0).equals("CMD-SHELL")) {
            // Docker runs CMD-SHELL with the image's /bin/sh.
            command.addAll(List.of(container.shell(), "-c", container.mapPaths(test.get(1))));
        } else {
            test.subList(1, test.size()).forEach(word -> command.add(container.mapPaths(word)));
        }
        ProcessBuilder builder = new ProcessBuilder(command).directory(container.root().toFile()).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(container.environment());
        builder.environment().putAll(container.probeEnvironment());
        Process process = builder.start();
        byte[] output = process.getInputStream().readNBytes(4096);
        long timeout = Math.max(1, healthcheck.timeout().toSeconds());
        if (!process.waitFor(timeout, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return new Result(false, null, "timed out after " + timeout + " s");
        }
        return new Result(process.exitValue() == 0, null, new String(output, StandardCharsets.UTF_8).strip());
    }
}
