package io.maap.deploycheck.stack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The broker's storage format step is skipped only where it would answer "already formatted" for this cluster. */
class KafkaStorageFormatTest {

    private static final String CLUSTER = "5L6g3nShT-eMCtK--X86sw";

    @Test
    void storageFormattedForThisClusterInEveryLogDirectoryIsNotFormattedAgain(@TempDir Path root) throws Exception {
        Path first = formatted(root.resolve("a"), CLUSTER);
        Path second = formatted(root.resolve("b"), CLUSTER);

        assertThat(KafkaContainer.formattedFor(List.of(first, second), CLUSTER)).isTrue();
    }

    @Test
    void aNewLogDirectoryOrAnotherClustersStorageIsLeftToTheFormatStep(@TempDir Path root) throws Exception {
        Path done = formatted(root.resolve("a"), CLUSTER);
        Path fresh = Files.createDirectories(root.resolve("b"));
        Path other = formatted(root.resolve("c"), "another-cluster-id-0000");

        assertThat(KafkaContainer.formattedFor(List.of(done, fresh), CLUSTER)).isFalse();
        assertThat(KafkaContainer.formattedFor(List.of(other), CLUSTER)).isFalse();
        assertThat(KafkaContainer.formattedFor(List.of(), CLUSTER)).isFalse();
    }

    /** A log directory as {@code kafka-storage.sh format} leaves it (KRaft, version 1). */
    private static Path formatted(Path dir, String cluster) throws Exception {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("meta.properties"), """
                #
                #Sun Dec 06 06:00:00 UTC 2026
                node.id=1
                directory.id=qx2vYp3XRFmxK0CwP6l0ZQ
                version=1
                cluster.id=%s
                """.formatted(cluster));
        return dir;
    }
}
