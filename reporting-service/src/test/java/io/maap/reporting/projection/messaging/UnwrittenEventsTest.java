package io.maap.reporting.projection.messaging;

import io.maap.reporting.ProjectionTestSupport;
import io.maap.reporting.projection.query.ProgrammeFigures;
import io.maap.reporting.projection.query.ProjectionStore;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Update;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UnwrittenEventsTest {

    private static final Set<String> FIELDS = Set.of("status");

    @Test
    void writesAreHandedOnEveryFewEventsAndAllAtTheEnd() {
        ProjectionStore store = ProjectionTestSupport.newStore();
        ProjectionStore writer = store.batchingAsOnlyWriter();
        List<Integer> written = new CopyOnWriteArrayList<>();
        try (WriteBehind writes = new WriteBehind("unwritten-test")) {
            UnwrittenEvents unwritten = new UnwrittenEvents(writer, writes, 3, written::add);
            for (int event = 1; event <= 9; event++) {
                apply(writer, event);
                unwritten.applied(1);
                writes.awaitAll();
                long documents = store.mongo().getCollection(store.collection("returns")).countDocuments();
                // every third event's documents, and their entries in the programme's figures with them
                assertThat(documents).as("after event %d", event).isEqualTo(event / 3 * 3);
                assertThat(entries(store)).as("after event %d", event).isEqualTo(event / 3 * 3);
            }
            apply(writer, 10);
            unwritten.applied(1);
            unwritten.handOnAll();
            unwritten.handOnAll();
            writes.awaitAll();
        }
        assertThat(store.mongo().getCollection(store.collection("returns")).countDocuments()).isEqualTo(10);
        assertThat(entries(store)).isEqualTo(10);
        assertThat(written).as("nothing handed on twice, nothing empty").containsExactly(3, 3, 3, 1);
    }

    @Test
    void handingOnLessOftenThanEveryEventIsRefused() {
        ProjectionStore writer = ProjectionTestSupport.newStore().batchingAsOnlyWriter();
        try (WriteBehind writes = new WriteBehind("unwritten-test")) {
            assertThatThrownBy(() -> new UnwrittenEvents(writer, writes, 0, count -> { }))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    /** One event of its own return request: its document and its entry in programme p's figures. */
    private static void apply(ProjectionStore writer, int event) {
        writer.applyInOrder("returns", "r" + event, 0, new Update().set("status", "REQUESTED"));
        ProgrammeFigures.apply(writer, "p", ProgrammeFigures.RETURNS, "r" + event, 0, new Update().set("status", "REQUESTED"), FIELDS);
    }

    private static int entries(ProjectionStore store) {
        Document programme = ProgrammeFigures.of(store, "p");
        return ProgrammeFigures.entries(programme, ProgrammeFigures.RETURNS).size();
    }
}
