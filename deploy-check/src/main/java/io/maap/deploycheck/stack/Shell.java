package io.maap.deploycheck.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a short system command (ip, runuser, initdb, unzip), failing with its output. */
public final class Shell {

    private Shell() {
    }

    public static String run(String... command) throws IOException, InterruptedException {
        return run(List.of(command));
    }

    public static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(300, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output.strip());
        }
        return output;
    }

    static void runQuietly(String... command) {
        try {
            run(command);
        } catch (IOException e) {
            // clean-up of something already gone
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
