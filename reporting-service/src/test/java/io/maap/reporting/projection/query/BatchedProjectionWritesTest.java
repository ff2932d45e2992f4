package io.maap.reporting.projection.query;

import io.maap.reporting.projection.query.ProjectionStore;

import io.maap.reporting.ProjectionTestSupport;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bulk writes of a batching store, conditional or as the generation's only writer, end exactly as
 * the same updates written one by one.
 */
class BatchedProjectionWritesTest {

    private ProjectionStore store;

    @BeforeEach
    void setUp() {
        store = ProjectionTestSupport.newStore();
    }

    private record Write(String id, long sequence) {

        Update update() {
            return new Update().inc("count", 1).push("seen", sequence).set("last", sequence);
        }
    }

    static List<Function<ProjectionStore, ProjectionStore>> modes() {
        return List.of(ProjectionStore::batching, ProjectionStore::batchingAsOnlyWriter);
    }

    @ParameterizedTest
    @MethodSource("modes")
    void severalUpdatesOfOneDocumentInABatchApplyInTheOrderGiven(Function<ProjectionStore, ProjectionStore> mode) {
        ProjectionStore batch = mode.apply(store);
        batch.applyInOrder("things", "a", 0, new Write("a", 0).update());
        batch.applyInOrder("things", "a", 1, new Write("a", 1).update());
        batch.applyInOrder("things", "a", 2, new Write("a", 2).update());

        assertThat(store.mongo().count(new Query(), store.collection("things"))).isZero();
        assertThat(batch.flush()).isEqualTo(3);

        Document a = document("a");
        assertThat(a.getInteger("count")).isEqualTo(3);
        assertThat(a.getList("seen", Long.class)).containsExactly(0L, 1L, 2L);
        assertThat(a.get("lastSequence", Number.class).longValue()).isEqualTo(2);
    }

    @ParameterizedTest
    @MethodSource("modes")
    void duplicatesInABatchOrAcrossBatchesCountOnce(Function<ProjectionStore, ProjectionStore> mode) {
        ProjectionStore batch = mode.apply(store);
        batch.applyInOrder("things", "a", 0, new Write("a", 0).update());
        batch.applyInOrder("things", "b", 0, new Write("b", 0).update());
        batch.applyInOrder("things", "a", 0, new Write("a", 0).update());
        batch.applyInOrder("things", "b", 1, new Write("b", 1).update());
        batch.flush();
        batch.applyInOrder("things", "b", 1, new Write("b", 1).update());
        batch.applyInOrder("things", "c", 0, new Write("c", 0).update());
        batch.flush();

        assertThat(document("a").getInteger("count")).isEqualTo(1);
        assertThat(document("b").getList("seen", Long.class)).containsExactly(0L, 1L);
        assertThat(document("c").getInteger("count")).isEqualTo(1);
    }

    @ParameterizedTest
    @MethodSource("modes")
    void anOlderEventLaterInTheSameBatchDoesNotOverwriteANewerOne(Function<ProjectionStore, ProjectionStore> mode) {
        ProjectionStore batch = mode.apply(store);
        batch.applyInOrder("things", "a", 3, new Write("a", 3).update());
        batch.applyInOrder("things", "a", 2, new Write("a", 2).update());
        batch.applyInOrder("things", "b", 0, new Write("b", 0).update());
        batch.flush();

        assertThat(document("a").getList("seen", Long.class)).containsExactly(3L);
        assertThat(document("b").getInteger("count")).isEqualTo(1);
    }

    @Test
    void roundsKeepEachDocumentsOrderAndNeverHoldADocumentTwice() {
        ProjectionStore batch = store.batchingAsOnlyWriter();
        List<List<String>> rounds = ProjectionStore.rounds(List.of(
                        pending("a", 0), pending("b", 0), pending("a", 1), pending("a", 2), pending("c", 0), pending("b", 1)), Write::id)
                .stream().map(round -> round.stream().map(p -> p.id() + p.sequence()).toList()).toList();
        assertThat(rounds).containsExactly(List.of("a0", "b0", "c0"), List.of("a1", "b1"), List.of("a2"));
        assertThat(batch.flush()).isZero();
    }

    /**
     * A random history of many documents, delivered with duplicates, late older events and
     * redeliveries, ends the same whether written one by one or in batches of any size.
     */
    @ParameterizedTest
    @MethodSource("modes")
    void batchedWritesEndExactlyAsWritesOneByOne(Function<ProjectionStore, ProjectionStore> mode) {
        Random random = new Random(7);
        List<Write> history = new ArrayList<>();
        for (int doc = 0; doc < 60; doc++) {
            for (int sequence = 0; sequence < 1 + random.nextInt(6); sequence++) {
                history.add(new Write("d" + doc, sequence));
            }
        }
        List<Write> delivered = new ArrayList<>();
        for (Write write : history) {
            delivered.add(write);
            if (random.nextInt(5) == 0) {
                delivered.add(delivered.get(random.nextInt(delivered.size())));
            }
        }
        for (int i = 0; i < delivered.size() / 10; i++) {
            java.util.Collections.swap(delivered, random.nextInt(delivered.size()), random.nextInt(delivered.size()));
        }

        ProjectionStore oneByOne = new ProjectionStore(store.mongo(), "single_");
        delivered.forEach(w -> oneByOne.applyInOrder("things", w.id(), w.sequence(), w.update()));
        ProjectionStore batch = mode.apply(store);
        int i = 0;
        while (i < delivered.size()) {
            int end = Math.min(delivered.size(), i + 1 + random.nextInt(40));
            delivered.subList(i, end).forEach(w -> batch.applyInOrder("things", w.id(), w.sequence(), w.update()));
            batch.flush();
            i = end;
        }

        assertThat(all(store)).isEqualTo(all(oneByOne)).hasSize(60);
    }

    /**
     * As a rebuild writes: each batch's writes are taken out of the store and run only after the
     * next batch has been applied to it (and the last ones at the end), in the order taken; the
     * documents end exactly as written one by one, and nothing is written before a taken write runs.
     */
    @ParameterizedTest
    @MethodSource("modes")
    void writesTakenAndRunOneBatchBehindEndExactlyAsWritesOneByOne(Function<ProjectionStore, ProjectionStore> mode) {
        Random random = new Random(11);
        List<Write> delivered = new ArrayList<>();
        for (int doc = 0; doc < 40; doc++) {
            for (int sequence = 0; sequence < 1 + random.nextInt(6); sequence++) {
                delivered.add(new Write("d" + doc, sequence));
            }
        }
        for (int i = 0; i < delivered.size() / 3; i++) {
            delivered.add(random.nextInt(delivered.size()), delivered.get(random.nextInt(delivered.size())));
        }
        ProjectionStore oneByOne = new ProjectionStore(store.mongo(), "single_");
        delivered.forEach(w -> oneByOne.applyInOrder("things", w.id(), w.sequence(), w.update()));

        ProjectionStore batch = mode.apply(store);
        Runnable behind = () -> { };
        for (int i = 0; i < delivered.size(); i += 25) {
            delivered.subList(i, Math.min(delivered.size(), i + 25)).forEach(w -> batch.applyInOrder("things", w.id(), w.sequence(), w.update()));
            Runnable taken = batch.takeFlush();
            if (i == 0) {
                assertThat(all(store)).isEmpty();
            }
            behind.run();
            behind = taken;
        }
        behind.run();

        assertThat(all(store)).isEqualTo(all(oneByOne)).hasSize(40);
    }

    private static Write pending(String id, long sequence) {
        return new Write(id, sequence);
    }

    private Document document(String id) {
        return store.mongo().findById(id, Document.class, store.collection("things"));
    }

    private static List<Document> all(ProjectionStore store) {
        return store.mongo().findAll(Document.class, store.collection("things")).stream()
                .sorted(Comparator.comparing(d -> d.getString("_id"))).toList();
    }
}
