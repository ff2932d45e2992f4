package io.maap.deploycheck.compose;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** One service of a compose file, after interpolation and YAML merge keys. */
public record ComposeService(
        String name,
        String image,
        Map<String, String> buildArgs,
        List<String> entrypoint,
        List<String> command,
        Map<String, String> environment,
        List<Port> ports,
        List<Mount> volumes,
        Map<String, String> dependsOn,
        Healthcheck healthcheck) {

    public boolean built() {
        return buildArgs != null;
    }

    /**
     * Another instance of this service, as {@code docker compose up --scale <service>=n} runs it: the same
     * image, environment, volumes and dependencies, named {@code <service>-<n>}, publishing no port.
     */
    public ComposeService instance(int n) {
        return new ComposeService(name + "-" + n, image, buildArgs, entrypoint, command, environment, List.of(), volumes,
                dependsOn, healthcheck);
    }

    /** {@code published:target}, optionally with a host address before them. */
    public record Port(String hostAddress, int published, int target) {
        static Port parse(String spec) {
            String[] parts = spec.replace("/tcp", "").split(":");
            return switch (parts.length) {
                case 1 -> new Port(null, Integer.parseInt(parts[0]), Integer.parseInt(parts[0]));
                case 2 -> new Port(null, Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
                default -> new Port(parts[0], Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
            };
        }
    }

    /** A named volume ({@code source} without a slash) or a bind mount of a project path. */
    public record Mount(String source, String target, boolean readOnly) {
        static Mount parse(String spec) {
            String[] parts = spec.split(":");
            if (parts.length == 1) {
                return new Mount(null, parts[0], false);
            }
            return new Mount(parts[0], parts[1], parts.length > 2 && parts[2].contains("ro"));
        }

        public boolean named() {
            return source != null && !source.startsWith(".") && !source.startsWith("/") && !source.startsWith("~");
        }
    }

    /** {@code test} as compose has it: {@code ["CMD", ...]}, {@code ["CMD-SHELL", "..."]} or {@code ["NONE"]}. */
    public record Healthcheck(List<String> test, Duration interval, Duration timeout, int retries, Duration startPeriod) {
    }
}
