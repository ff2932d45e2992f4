package io.maap.reporting.projection.query;

import io.maap.reporting.projection.query.ProjectionStore;

import io.maap.reporting.ProjectionTestSupport;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live store's writes, one at a time, by compare-and-set on the document's last sequence:
 * each sequence applied at most once and never after a later one, whatever the order and
 * however many writers race for the same document.
 */
class LiveProjectionWritesTest {

    private ProjectionStore store;

    @BeforeEach
    void setUp() {
        store = ProjectionTestSupport.newStore();
    }

    private static Update update(long sequence) {
        return new Update().inc("count", 1).push("seen", sequence).setOnInsert("created", sequence);
    }

    @Test
    void aDuplicateOrAnOlderEventChangesNothing() {
        store.applyInOrder("things", "a", 0, update(0));
        store.applyInOrder("things", "a", 1, update(1));
        store.applyInOrder("things", "a", 1, update(1));
        store.applyInOrder("things", "a", 0, update(0));
        store.applyInOrder("things", "a", 3, update(3));
        store.applyInOrder("things", "a", 2, update(2));

        Document a = document("a");
        assertThat(a.getInteger("count")).isEqualTo(3);
        assertThat(a.getList("seen", Long.class)).containsExactly(0L, 1L, 3L);
        assertThat(a.get("created", Number.class).longValue()).isZero();
        assertThat(a.get("lastSequence", Number.class).longValue()).isEqualTo(3);
    }

    @Test
    void theFirstEventSeenCreatesTheDocument() {
        store.applyInOrder("things", "b", 5, update(5));

        assertThat(document("b").getList("seen", Long.class)).containsExactly(5L);
        assertThat(store.mongo().count(new Query(), store.collection("things"))).isEqualTo(1);
    }

    @Test
    void writersRacingForOneDocumentApplyEachSequenceOnceAndInOrder() throws Exception {
        // Each writer goes through the same sequences in order, with duplicates, as two consumers
        // of one partition do while a rebalance hands it from one to the other.
        int writers = 4;
        int sequences = 60;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            Random random = new Random(w);
            done.add(pool.submit(() -> {
                start.await();
                for (long s = 0; s < sequences; s++) {
                    store.applyInOrder("things", "c", s, update(s));
                    if (random.nextInt(4) == 0) {
                        store.applyInOrder("things", "c", s, update(s));
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> writer : done) {
            writer.get(1, TimeUnit.MINUTES);
        }
        pool.shutdown();

        Document c = document("c");
        List<Long> seen = c.getList("seen", Long.class);
        assertThat(seen).isSorted().doesNotHaveDuplicates();
        assertThat(seen).endsWith((long) sequences - 1);
        assertThat(c.getInteger("count")).isEqualTo(seen.size());
        assertThat(c.get("lastSequence", Number.class).longValue()).isEqualTo(sequences - 1);
    }

    @Test
    void aRebuiltGenerationTakesLiveWritesAfterTheSwitch() {
        ProjectionStore rebuild = store.batchingAsOnlyWriter();
        rebuild.applyInOrder("things", "d", 0, update(0));
        rebuild.applyInOrder("things", "d", 1, update(1));
        rebuild.flush();
        rebuild.indexWritten();
        assertThat(store.mongo().indexOps(store.collection("things")).getIndexInfo())
                .anySatisfy(index -> assertThat(index.getName()).isEqualTo("id_lastSequence"));

        store.applyInOrder("things", "d", 1, update(1));
        store.applyInOrder("things", "d", 2, update(2));

        assertThat(document("d").getList("seen", Long.class)).containsExactly(0L, 1L, 2L);
        assertThat(store.mongo().indexOps(store.collection("things")).getIndexInfo())
                .anySatisfy(index -> assertThat(index.getName()).isEqualTo("id_lastSequence"));
    }

    @Test
    void aViewCollectionGetsIndexesOnTheFieldsTheViewsFilterOn() {
        store.applyInOrder("return_requests", "r1", 0, new Update().set("programmeId", "p").set("auditId", "a")
                .set("agency", "met-police"));
        ProjectionStore rebuild = store.batchingAsOnlyWriter();
        rebuild.applyInOrder("actions", "a/x", 0, new Update().set("programmeId", "p"));
        rebuild.flush();
        // the only writer leaves its collections' indexes until it is done
        assertThat(store.mongo().indexOps(store.collection("actions")).getIndexInfo())
                .extracting(index -> index.getName()).containsExactly("_id_");
        rebuild.indexWritten();

        assertThat(store.mongo().indexOps(store.collection("return_requests")).getIndexInfo())
                .extracting(index -> index.getName())
                .contains("id_lastSequence", "programmeId", "auditId", "agency");
        assertThat(store.mongo().indexOps(store.collection("actions")).getIndexInfo())
                .extracting(index -> index.getName())
                .contains("programmeId", "auditId", "owningAgency");
    }

    private Document document(String id) {
        return store.mongo().findById(id, Document.class, store.collection("things"));
    }
}
