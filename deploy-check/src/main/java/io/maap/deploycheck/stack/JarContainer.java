package io.maap.deploycheck.stack;

import io.maap.deploycheck.compose.ComposeService;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A service built from this repository: the jar the Dockerfile copies to {@code /app/app.jar}
 * (its {@code COPY --from=build} line with the service's {@code SERVICE} build argument), run by
 * the Dockerfile's ENTRYPOINT, or the compose file's entrypoint and command when it has them.
 */
final class JarContainer extends Container {

    private static final Pattern COPY = Pattern.compile("COPY --from=build /src/(\\S+) (\\S+)");
    private static final Pattern ENTRYPOINT = Pattern.compile("ENTRYPOINT \\[(.*)]");

    private final Path jar;
    private final List<String> entrypoint;

    JarContainer(ComposeService service, Stack stack) throws IOException {
        super(service, stack);
        String dockerfile = Files.readString(stack.projectPath("Dockerfile"));
        Matcher copy = COPY.matcher(dockerfile);
        Matcher entry = ENTRYPOINT.matcher(dockerfile);
        if (!copy.find() || !entry.find()) {
            throw new IllegalStateException("Dockerfile: no COPY --from=build line or ENTRYPOINT");
        }
        String serviceArgument = service.buildArgs().get("SERVICE");
        this.jar = stack.projectPath(copy.group(1).replace("${SERVICE}", serviceArgument));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " missing: build with ./mvnw -q -B -DskipTests package");
        }
        map(copy.group(2), jar);
        this.entrypoint = new ArrayList<>();
        for (String word : entry.group(1).split(",")) {
            entrypoint.add(word.strip().replaceAll("^\"|\"$", ""));
        }
    }

    @Override
    public String describe() {
        boolean mongoSignIn = service.environment().values().stream()
                .anyMatch(value -> MongoCredentials.signsInTo(value, stack.mongoServices()));
        return stack.projectDirectory().relativize(jar) + " (Dockerfile ENTRYPOINT" + (service.entrypoint() != null
                ? " replaced by the compose entrypoint" : "") + ")" + (mongoSignIn
                ? "; its MongoDB user and password left out of the connection string, as mongo-java-server has no authentication"
                : "");
    }

    @Override
    protected Map<String, String> environment() {
        Map<String, String> environment = super.environment();
        environment.replaceAll((name, value) -> MongoCredentials.withoutCredentials(value, stack.mongoServices()));
        Stack.quickJvm(environment);
        return environment;
    }

    @Override
    protected List<String> commandLine() {
        List<String> command = new ArrayList<>(service.entrypoint() != null ? service.entrypoint() : entrypoint);
        if (service.command() != null) {
            command.addAll(service.command());
        }
        return command.stream().map(this::mapPaths).toList();
    }
}
