package io.maap.deploycheck.stack;

import io.maap.deploycheck.compose.ComposeService;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code quay.io/keycloak/keycloak} image: Keycloak's server distribution of the same version
 * ({@code org.keycloak:keycloak-quarkus-dist}, Maven Central) unpacked as {@code /opt/keycloak},
 * started by {@code kc.sh} with the compose command (the image's entrypoint), on JDK 25 (the
 * image's runtime is newer than 17), its import directory the compose bind mount.
 */
final class KeycloakContainer extends Container {

    static final Path JAVA_HOME = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");

    private final String version;
    private final Path home;

    KeycloakContainer(ComposeService service, Stack stack) throws IOException {
        super(service, stack);
        this.version = service.image().substring(service.image().lastIndexOf(':') + 1);
        if (!version.matches("\\d+\\.\\d+\\.\\d+")) {
            throw new IllegalStateException("keycloak image " + service.image() + ": pin a full version (x.y.z)");
        }
        this.home = stack.runDirectory().resolve("keycloak-" + version);
        map("/opt/keycloak", home);
    }

    @Override
    public String describe() {
        return service.image() + " → keycloak-quarkus-dist " + version + " (Maven Central) on JDK 25, kc.sh "
                + String.join(" ", service.command() == null ? List.of() : service.command());
    }

    @Override
    protected String shell() {
        return "bash";
    }

    @Override
    protected void prepare() throws Exception {
        if (!Files.isDirectory(home)) {
            Path zip = Path.of(System.getProperty("user.home"), ".m2/repository/org/keycloak/keycloak-quarkus-dist", version,
                    "keycloak-quarkus-dist-" + version + ".zip");
            if (!Files.isRegularFile(zip)) {
                Shell.run(stack.projectPath("mvnw").toString(), "-q", "-B", "-f", stack.projectPath("pom.xml").toString(),
                        "dependency:get", "-Dartifact=org.keycloak:keycloak-quarkus-dist:" + version + ":zip", "-Dtransitive=false");
            }
            Path unpacked = stack.runDirectory().resolve("keycloak-unzip");
            Shell.run("unzip", "-q", "-o", zip.toString(), "-d", unpacked.toString());
            Files.move(unpacked.resolve("keycloak-" + version), home);
        }
        for (ComposeService.Mount mount : service.volumes()) {
            // Inside the unpacked distribution (hostPath would give the mount's source itself).
            if (!mount.target().startsWith("/opt/keycloak/")) {
                continue;
            }
            Path inside = home.resolve(mount.target().substring("/opt/keycloak/".length()));
            if (!Files.exists(inside, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectories(inside.getParent());
                Files.createSymbolicLink(inside, mount.named() ? stack.volume(mount.source()) : stack.projectPath(mount.source()));
            }
        }
    }

    @Override
    protected Map<String, String> environment() {
        Map<String, String> environment = super.environment();
        environment.put("JAVA_HOME", JAVA_HOME.toString());
        environment.put("PATH", JAVA_HOME.resolve("bin") + ":" + environment.get("PATH"));
        // The image's JDK is 21; on 25 Keycloak's thread pool (jboss-threads) needs java.lang opened.
        String append = environment.getOrDefault("JAVA_OPTS_APPEND", "");
        environment.put("JAVA_OPTS_APPEND", (append + " --add-opens=java.base/java.lang=ALL-UNNAMED").trim());
        Stack.quickJitOnly(environment);
        return environment;
    }

    @Override
    protected List<String> commandLine() {
        List<String> command = new ArrayList<>(service.entrypoint() != null ? service.entrypoint()
                : List.of("/opt/keycloak/bin/kc.sh"));
        if (service.command() != null) {
            command.addAll(service.command());
        }
        return command.stream().map(this::mapPaths).toList();
    }
}
