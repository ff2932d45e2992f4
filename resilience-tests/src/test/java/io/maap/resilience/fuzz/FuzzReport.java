package io.maap.resilience.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Every failure of a fuzz run, one a line, in {@code target/fuzz-reports/} (the assertion shows the first few). */
final class FuzzReport {

    private FuzzReport() {
    }

    static void write(String name, List<String> failures) {
        Path file = Path.of("target", "fuzz-reports", name);
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, failures);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
