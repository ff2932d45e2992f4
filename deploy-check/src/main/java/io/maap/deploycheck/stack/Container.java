package io.maap.deploycheck.stack;

import io.maap.deploycheck.compose.ComposeService;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One compose service's process, run as a container would run it: in the service's network
 * namespace, with exactly the environment compose gives it (plus what the image sets: PATH,
 * HOME), its container paths (volumes, bind mounts, the image's own directories) mapped to
 * directories of this run. Output goes to {@code <run>/logs/<service>.log}.
 */
public class Container {

    private static final String PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    protected final ComposeService service;
    protected final Stack stack;
    protected final Path root;
    private final Map<String, Path> paths = new LinkedHashMap<>();
    private Process process;

    protected Container(ComposeService service, Stack stack) throws IOException {
        this.service = service;
        this.stack = stack;
        this.root = stack.runDirectory().resolve("containers").resolve(service.name());
        Files.createDirectories(root.resolve("tmp"));
        map("/tmp", root.resolve("tmp"));
        for (ComposeService.Mount mount : service.volumes()) {
            map(mount.target(), mount.named() ? stack.volume(mount.source()) : stack.projectPath(mount.source()));
        }
    }

    /** What the part runs, in words, for the line printed when it starts. */
    public String describe() {
        return service.image() != null ? service.image() : "jar built as the Dockerfile builds it";
    }

    /** Called before every start: formats storage, writes configuration, runs one-off set-up. */
    protected void prepare() throws Exception {
    }

    /** The command line, with container paths already mapped. */
    protected List<String> commandLine() throws Exception {
        throw new IllegalStateException("no command for " + service.name());
    }

    protected Map<String, String> environment() {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("PATH", PATH);
        environment.put("HOME", root.toString());
        environment.put("HOSTNAME", service.name());
        service.environment().forEach((name, value) -> environment.put(name, mapPaths(value)));
        return environment;
    }

    /** What the container's own file system gives its healthcheck that this machine's does not (e.g. PGHOST). */
    protected Map<String, String> probeEnvironment() {
        return Map.of();
    }

    /** The image's /bin/sh: dash here for Debian/Ubuntu-based images, bash for UBI-based ones. */
    protected String shell() {
        return "sh";
    }

    protected String user() {
        return null;
    }

    public void start() throws Exception {
        prepare();
        List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", stack.network().namespace(service.name())));
        if (user() != null) {
            command.addAll(List.of("runuser", "-u", user(), "--"));
        }
        command.addAll(commandLine());
        Path log = stack.runDirectory().resolve("logs").resolve(service.name() + ".log");
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().clear();
        builder.environment().putAll(environment());
        process = builder.start();
    }

    public boolean running() {
        return process != null && process.isAlive();
    }

    /** The exit code once the process has ended, else null. */
    public Integer exitCode() {
        return process == null || process.isAlive() ? null : process.exitValue();
    }

    public boolean waitForExit(long seconds) throws InterruptedException {
        return process != null && process.waitFor(seconds, TimeUnit.SECONDS);
    }

    /** docker stop: the image's stop signal to the process and its children, SIGKILL after the grace period. */
    public void stop() throws InterruptedException {
        if (process == null || !process.isAlive()) {
            return;
        }
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        for (ProcessHandle handle : tree) {
            try {
                new ProcessBuilder("kill", "-s", stopSignal(), Long.toString(handle.pid())).start().waitFor();
            } catch (IOException e) {
                handle.destroy();
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        for (ProcessHandle handle : tree) {
            try {
                handle.onExit().get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (Exception e) {
                handle.destroyForcibly();
            }
        }
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** docker kill: SIGKILL to the process and its children, no grace. */
    public void kill() throws InterruptedException {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** The process ids of the running part: its process and every descendant. */
    public java.util.Set<Long> pids() {
        java.util.Set<Long> pids = new java.util.HashSet<>();
        if (process != null && process.isAlive()) {
            pids.add(process.pid());
            process.descendants().forEach(handle -> pids.add(handle.pid()));
        }
        return pids;
    }

    /** The image's STOPSIGNAL (Docker's default: TERM). */
    protected String stopSignal() {
        return "TERM";
    }

    /** Runs the compose healthcheck's command in the container's namespace and environment. */
    public HealthProbe.Result probe() throws Exception {
        return HealthProbe.run(this, service.healthcheck());
    }

    public ComposeService service() {
        return service;
    }

    String namespace() {
        return stack.network().namespace(service.name());
    }

    Path root() {
        return root;
    }

    protected final void map(String containerPath, Path hostPath) {
        paths.put(containerPath, hostPath);
    }

    /** The directory of this run standing for a container path. */
    protected final Path hostPath(String containerPath) {
        String best = paths.keySet().stream().filter(prefix -> containerPath.equals(prefix) || containerPath.startsWith(prefix + "/"))
                .max(Comparator.comparingInt(String::length)).orElse(null);
        if (best == null) {
            return root.resolve("fs").resolve(containerPath.substring(1));
        }
        Path base = paths.get(best);
        return containerPath.equals(best) ? base : base.resolve(containerPath.substring(best.length() + 1));
    }

    /** Every container path in a value (a command word, a variable, a shell line) replaced by its directory here. */
    protected final String mapPaths(String value) {
        List<String> prefixes = new ArrayList<>(paths.keySet());
        prefixes.sort(Comparator.comparingInt(String::length).reversed());
        String alternatives = String.join("|", prefixes.stream().map(java.util.regex.Pattern::quote).toList());
        java.util.regex.Pattern pattern = java.util.regex.Pattern.compile(
                "(?<=^|[\\s=:'\"])(" + alternatives + ")(?=$|[/\\s'\";])");
        return pattern.matcher(value).replaceAll(match -> java.util.regex.Matcher.quoteReplacement(
                paths.get(match.group(1)).toString()));
    }
}
