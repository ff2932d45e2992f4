package io.maap.deployment;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** The repository's files, read as an operator's tools read them. */
final class Repository {

    private Repository() {
    }

    /** The repository's root: the directory above this module. */
    static Path root() {
        Path here = Path.of("").toAbsolutePath();
        for (Path dir = here; dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("docker-compose.yml")) && Files.exists(dir.resolve("mvnw"))) {
                return dir;
            }
        }
        throw new IllegalStateException("No docker-compose.yml above " + here);
    }

    /** YAML as compose reads it: merge keys ({@code <<: *anchor}) resolved. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> yaml(Path file) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        try {
            Object loaded = new Yaml(options).load(Files.readString(file));
            return loaded == null ? Map.of() : (Map<String, Object>) loaded;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Object> compose() {
        return yaml(root().resolve("docker-compose.yml"));
    }
}
