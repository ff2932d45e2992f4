package io.maap.reporting.projection.query;

import io.maap.reporting.ProjectionTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Update;

import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A programme's view is computed again exactly when its document's version changed since, or
 * for other parameters; a document without a version, or a cache turned off, computes every time.
 */
class ProgrammeViewCacheTest {

    private static final Set<String> FIELDS = Set.of("status");

    private final ProjectionStore store = ProjectionTestSupport.newStore();
    private final AtomicInteger computed = new AtomicInteger();

    private String view(ProgrammeViewCache cache, Object parameters) {
        return cache.view(store, "p", parameters, v -> 1, () -> "view " + computed.incrementAndGet());
    }

    private void write(String id, long sequence) {
        ProgrammeFigures.apply(store, "p", ProgrammeFigures.RETURNS, id, sequence, new Update().set("status", "S" + sequence), FIELDS);
    }

    @Test
    void aViewIsComputedOncePerVersionAndParameters() {
        ProgrammeViewCache cache = new ProgrammeViewCache(100);
        write("r1", 0);

        assertThat(view(cache, "today")).isEqualTo("view 1");
        assertThat(view(cache, "today")).isEqualTo("view 1");
        assertThat(view(cache, "tomorrow")).isEqualTo("view 2");

        write("r1", 1);
        assertThat(view(cache, "today")).isEqualTo("view 3");

        write("r1", 1);
        write("r1", 0);
        assertThat(view(cache, "today")).as("a write applied before changes nothing").isEqualTo("view 3");
    }

    @Test
    void everyWriteSetsANewVersionAndAWriteAppliedBeforeLeavesIt() {
        write("r1", 0);
        Object first = ProgrammeFigures.version(store, "p");
        write("r2", 0);
        Object second = ProgrammeFigures.version(store, "p");
        write("r2", 0);

        assertThat(first).isNotNull().isNotEqualTo(second);
        assertThat(ProgrammeFigures.version(store, "p")).isEqualTo(second);
    }

    @Test
    void withoutADocumentOrWithTheCacheOffEveryViewIsComputed() {
        ProgrammeViewCache cache = new ProgrammeViewCache(100);
        assertThat(view(cache, "today")).isEqualTo("view 1");
        assertThat(view(cache, "today")).isEqualTo("view 2");

        write("r1", 0);
        ProgrammeViewCache off = ProgrammeViewCache.none();
        assertThat(view(off, "today")).isEqualTo("view 3");
        assertThat(view(off, "today")).isEqualTo("view 4");
    }
}
