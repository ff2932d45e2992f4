package io.maap.deploycheck.stack;

import io.maap.deploycheck.compose.ComposeService;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The {@code postgres} image: a PostgreSQL cluster of its own, from this machine's PostgreSQL
 * installation (same major version as the image), its data directory on the compose volume. On
 * an empty volume it does what the image's entrypoint does: {@code initdb} with
 * {@code POSTGRES_USER}/{@code POSTGRES_PASSWORD}, password (scram-sha-256) authentication for
 * every network client, then every file mounted in {@code /docker-entrypoint-initdb.d} run by
 * psql in name order, with the container's environment, on a server listening only on its socket.
 * Then {@code postgres} listens on all of the namespace's addresses, as in the container.
 */
final class PostgresContainer extends Container {

    private final Path binaries;
    private final Path data;
    private final Path socket;

    PostgresContainer(ComposeService service, Stack stack) throws IOException {
        super(service, stack);
        this.binaries = installation();
        map("/var/run/postgresql", root.resolve("run"));
        this.data = hostPath("/var/lib/postgresql/data");
        this.socket = hostPath("/var/run/postgresql");
    }

    private static Path installation() throws IOException {
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.max(java.util.Comparator.naturalOrder()).orElseThrow().resolve("bin");
        }
    }

    @Override
    public String describe() {
        return service.image() + " → PostgreSQL " + binaries.getParent().getFileName()
                + " from this machine's installation, a cluster of its own on the postgres-data volume";
    }

    @Override
    protected String user() {
        return "postgres";
    }

    /** The postgres image's STOPSIGNAL: a fast shutdown. */
    @Override
    protected String stopSignal() {
        return "INT";
    }

    @Override
    protected Map<String, String> probeEnvironment() {
        return Map.of("PGHOST", socket.toString());
    }

    @Override
    protected void prepare() throws Exception {
        Files.createDirectories(data);
        Files.createDirectories(socket);
        Shell.run("chown", "-R", "postgres:postgres", data.toString(), socket.toString(), root.resolve("tmp").toString());
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));
        if (Files.exists(data.resolve("PG_VERSION"))) {
            return;
        }
        Map<String, String> environment = environment();
        String user = environment.getOrDefault("POSTGRES_USER", "postgres");
        String database = environment.getOrDefault("POSTGRES_DB", user);
        Path passwordFile = root.resolve("tmp/pwfile");
        Files.writeString(passwordFile, environment.getOrDefault("POSTGRES_PASSWORD", "") + "\n");
        Shell.run("chown", "postgres", passwordFile.toString());
        asPostgres(environment, binaries.resolve("initdb").toString(), "-D", data.toString(), "--username=" + user,
                "--pwfile=" + passwordFile, "--auth-local=trust", "--auth-host=scram-sha-256");
        Files.delete(passwordFile);
        Files.writeString(data.resolve("pg_hba.conf"), "\nhost all all all scram-sha-256\n",
                java.nio.file.StandardOpenOption.APPEND);
        // As the image's entrypoint: a server on the socket only while the init files run.
        asPostgres(environment, binaries.resolve("pg_ctl").toString(), "-D", data.toString(), "-w", "start",
                "-l", root.resolve("tmp/init-server.log").toString(), "-o", "-c listen_addresses='' -k " + socket);
        try {
            if (!database.equals("postgres")) {
                asPostgres(environment, "psql", "-v", "ON_ERROR_STOP=1", "-h", socket.toString(), "-U", user,
                        "--no-password", "--no-psqlrc", "-d", "postgres", "-c", "CREATE DATABASE \"" + database + "\"");
            }
            List<ComposeService.Mount> scripts = new ArrayList<>(service.volumes().stream()
                    .filter(mount -> mount.target().startsWith("/docker-entrypoint-initdb.d/")).toList());
            scripts.sort(java.util.Comparator.comparing(ComposeService.Mount::target));
            for (ComposeService.Mount script : scripts) {
                if (!script.target().endsWith(".sql")) {
                    throw new IllegalStateException("only .sql init files are run here: " + script.target());
                }
                asPostgres(environment, "psql", "-v", "ON_ERROR_STOP=1", "-h", socket.toString(), "-U", user,
                        "--no-password", "--no-psqlrc", "-d", database, "-f", hostPath(script.target()).toString());
            }
        } finally {
            asPostgres(environment, binaries.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "fast", "-w", "stop");
        }
    }

    private void asPostgres(Map<String, String> environment, String... command) throws Exception {
        List<String> line = new ArrayList<>(List.of("ip", "netns", "exec", namespace(), "runuser", "-u", "postgres", "--"));
        line.addAll(List.of(command));
        ProcessBuilder builder = new ProcessBuilder(line).directory(root.toFile()).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException(command[0] + " failed: " + output.strip());
        }
    }

    @Override
    protected List<String> commandLine() {
        return List.of(binaries.resolve("postgres").toString(), "-D", data.toString(), "-c", "listen_addresses=*",
                "-k", socket.toString());
    }
}
