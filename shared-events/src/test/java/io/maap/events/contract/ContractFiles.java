package io.maap.events.contract;

import io.maap.events.EventCatalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the published contract files live in the source tree, and how to refresh them:
 * {@code ./mvnw -o -q test -pl shared-events -Dmaap.contracts.update=true} rewrites the
 * schemas, examples and the AsyncAPI document from the code, refusing incompatible schema changes.
 */
final class ContractFiles {

    static final Path SCHEMAS = Path.of("src/main/resources/schemas");
    static final Path EXAMPLES = Path.of("src/main/resources/schemas/examples");
    static final Path ASYNCAPI = Path.of("src/main/resources/asyncapi/maap-asyncapi.yaml");
    static final String UPDATE_COMMAND = "./mvnw -o -q test -pl shared-events -Dmaap.contracts.update=true";

    private static final Pattern JAVADOC = Pattern.compile("/\\*\\*(.*?)\\*/", Pattern.DOTALL);

    private ContractFiles() {
    }

    static boolean updating() {
        return Boolean.getBoolean("maap.contracts.update");
    }

    static Path schemaFile(EventCatalog.Entry entry) {
        return SCHEMAS.resolve(entry.cloudEventType() + ".json");
    }

    static Path exampleFile(EventCatalog.Entry entry) {
        return EXAMPLES.resolve(entry.cloudEventType() + ".json");
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Javadoc of a top-level type, up to its block tags, on one line: the contract's description. */
    static String description(Class<?> type) {
        Class<?> topLevel = type;
        while (topLevel.getEnclosingClass() != null) {
            topLevel = topLevel.getEnclosingClass();
        }
        String source = read(Path.of("src/main/java", topLevel.getName().replace('.', '/') + ".java"));
        int declaration = source.indexOf(" " + type.getSimpleName() + "(");
        if (declaration < 0) {
            declaration = source.indexOf(" " + type.getSimpleName() + " ");
        }
        String javadoc = null;
        Matcher matcher = JAVADOC.matcher(source);
        while (matcher.find() && matcher.start() < declaration) {
            javadoc = matcher.group(1);
        }
        if (javadoc == null) {
            throw new AssertionError(type.getName() + " has no Javadoc: say what the event means and when it is sent");
        }
        StringBuilder text = new StringBuilder();
        for (String line : javadoc.split("\n")) {
            String trimmed = line.strip().replaceFirst("^\\*\\s?", "").strip();
            if (trimmed.startsWith("@")) {
                break;
            }
            if (!trimmed.isEmpty()) {
                text.append(text.isEmpty() ? "" : " ").append(trimmed);
            }
        }
        return text.toString().replaceAll("\\{@code ([^}]*)}", "$1").replaceAll("\\{@link ([^}]*)}", "$1");
    }
}
