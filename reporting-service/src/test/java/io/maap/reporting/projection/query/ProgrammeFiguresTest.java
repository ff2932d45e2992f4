package io.maap.reporting.projection.query;

import io.maap.reporting.ProjectionTestSupport;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Update;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Entries of programme figures: each event applied to its entry at most once and never after a
 * later one, live (one write at a time, racing writers), and in a rebuild (the only writer,
 * merged per document), with the same documents either way.
 */
class ProgrammeFiguresTest {

    private static final Set<String> FIELDS = Set.of("status", "sentBackCount", "agency");

    private static Update update(long sequence) {
        Update update = new Update().set("status", "S" + sequence).set("ignored", true);
        return sequence == 0 ? update.set("sentBackCount", 0).set("agency", "nelft") : update.inc("sentBackCount", 1);
    }

    private static Document entry(ProjectionStore store, String programme, String id) {
        return ProgrammeFigures.entries(ProgrammeFigures.of(store, programme), ProgrammeFigures.RETURNS).stream()
                .filter(e -> e.get("_id").equals(id)).findFirst().orElseThrow();
    }

    @Test
    void aRedeliveredOrOlderEventChangesNothing() {
        ProjectionStore store = ProjectionTestSupport.newStore();
        for (long sequence : new long[] {0, 1, 1, 0, 3, 2, 3}) {
            ProgrammeFigures.apply(store, "p", ProgrammeFigures.RETURNS, "r.1", sequence, update(sequence), FIELDS);
        }

        Document entry = entry(store, "p", "r.1");
        assertThat(entry.get("sentBackCount")).isEqualTo(2);
        assertThat(entry.getString("status")).isEqualTo("S3");
        assertThat(entry.getString("agency")).isEqualTo("nelft");
        assertThat(entry.get("seq", Number.class).longValue()).isEqualTo(3);
        assertThat(entry).doesNotContainKey("ignored");
    }

    @Test
    void theViewsReadOfADocumentIsWhatTheDriverDecodesLessWhatNoViewReads() {
        ProjectionStore store = ProjectionTestSupport.newStore();
        ProgrammeFigures.apply(store, "p", ProgrammeFigures.RETURNS, "r.1$%", 0, new Update().set("agency", "nelft")
                .set("received", true).set("dueDate", "2017-07-24").set("status", null).inc("sentBackCount", 2)
                .inc("firstWorkingDaysLate", 3L).set("caseType", "CHILD_IN_NEED"), ProgrammeFigures.RETURN_FIELDS);
        ProgrammeFigures.apply(store, "p", ProgrammeFigures.RETURNS, "r2", 4, new Update().set("agency", "bhrut")
                .inc("sentBackCount", 1.5), ProgrammeFigures.RETURN_FIELDS);
        ProgrammeFigures.apply(store, "p", ProgrammeFigures.FINDINGS, "f1", 0, new Update().set("agencies", List.of("nelft", "bhrut"))
                .set("kind", "GOOD_PRACTICE"), ProgrammeFigures.FINDING_FIELDS);
        ProgrammeFigures.apply(store, "p", ProgrammeFigures.ACTIONS, "a1", 0, new Update().set("open", false)
                .set("rag", "RED"), ProgrammeFigures.ACTION_FIELDS);
        ProgrammeFigures.apply(store, "p", ProgrammeFigures.AUDITS, "au1", 0, new Update().set("auditId", "au1"),
                ProgrammeFigures.AUDIT_FIELDS);

        ProgrammeFigures.Read read = ProgrammeFigures.read(store, "p");

        Document decoded = ProgrammeFigures.of(store, "p");
        for (String section : List.of(ProgrammeFigures.RETURNS, ProgrammeFigures.FINDINGS, ProgrammeFigures.ACTIONS,
                ProgrammeFigures.AUDITS)) {
            List<Document> expected = ProgrammeFigures.entries(decoded, section);
            expected.forEach(entry -> entry.remove("seq"));
            assertThat(read.entries(section)).as(section).isEqualTo(expected).isNotEmpty();
        }
        assertThat(read.ids(ProgrammeFigures.RETURNS)).containsExactly("r.1$%", "r2");
        assertThat(read.entries(ProgrammeFigures.RETURNS).get(0)).containsEntry("firstWorkingDaysLate", 3L)
                .containsEntry("status", null).containsEntry("sentBackCount", 2);
        assertThat(ProgrammeFigures.read(store, "none").entries(ProgrammeFigures.RETURNS)).isEmpty();
    }

    @Test
    void writersRacingForOneProgrammeApplyEachEventOnce() throws Exception {
        ProjectionStore store = ProjectionTestSupport.newStore();
        int writers = 4;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            done.add(pool.submit(() -> {
                start.await();
                // each writer has an entry of its own and replays a shared one, as consumers do after a rebalance
                for (long s = 0; s < 30; s++) {
                    ProgrammeFigures.apply(store, "p", ProgrammeFigures.RETURNS, "own-" + writer, s, update(s), FIELDS);
                    ProgrammeFigures.apply(store, "p", ProgrammeFigures.RETURNS, "shared", s, update(s), FIELDS);
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> future : done) {
            future.get();
        }
        pool.shutdown();

        for (String id : List.of("own-0", "own-1", "own-2", "own-3", "shared")) {
            assertThat(entry(store, "p", id).get("sentBackCount")).as(id).isEqualTo(29);
        }
    }

    @Test
    void aRebuildWritesTheDocumentsLiveWritesWrite() {
        for (long seed = 1; seed <= 20; seed++) {
            Random random = new Random(seed);
            List<long[]> log = new ArrayList<>();
            long[] next = new long[6];
            for (int i = 0; i < 200; i++) {
                int entry = random.nextInt(next.length);
                long sequence = random.nextInt(5) == 0 && next[entry] > 0 ? random.nextInt((int) next[entry]) : next[entry]++;
                log.add(new long[] {entry, sequence});
            }
            ProjectionStore live = ProjectionTestSupport.newStore();
            ProjectionStore rebuilt = ProjectionTestSupport.newStore();
            ProjectionStore writer = rebuilt.batchingAsOnlyWriter();
            int batch = 1 + random.nextInt(40);
            // for half the seeds, each batch's writes are taken and run only after the next batch is applied, as a rebuild does
            boolean behind = seed % 2 == 0;
            Runnable previous = () -> { };
            for (int i = 0; i < log.size(); i++) {
                long[] event = log.get(i);
                String programme = event[0] % 2 == 0 ? "p-even" : "p-odd";
                ProgrammeFigures.apply(live, programme, ProgrammeFigures.RETURNS, "r" + event[0], event[1], update(event[1]), FIELDS);
                ProgrammeFigures.apply(writer, programme, ProgrammeFigures.RETURNS, "r" + event[0], event[1], update(event[1]), FIELDS);
                if ((i + 1) % batch == 0) {
                    if (behind) {
                        Runnable taken = writer.takeFlush();
                        previous.run();
                        previous = taken;
                    } else {
                        writer.flush();
                    }
                }
            }
            Runnable last = writer.takeFlush();
            previous.run();
            last.run();

            for (String programme : List.of("p-even", "p-odd")) {
                Document rebuiltDocument = ProgrammeFigures.of(rebuilt, programme);
                Document liveDocument = ProgrammeFigures.of(live, programme);
                // Versions tell writes apart: each write sets a new one.
                assertThat(rebuiltDocument.remove(EntryWrites.VERSION)).isNotNull();
                assertThat(liveDocument.remove(EntryWrites.VERSION)).isNotNull();
                assertThat(rebuiltDocument).as("seed %d, %s", seed, programme).isEqualTo(liveDocument);
            }
        }
    }

    @Test
    void aRebuildsFlushesOfManyEntriesOfManyDocumentsWriteWhatLiveWritesWrite() {
        // every entry created in one flush, then changed in the next (status, sentBackCount, seq),
        // over more programmes than one read and write back takes, some 50 entries each
        int programmes = EntryWrites.DOCUMENTS_PER_WRITE + 3;
        int entries = 1007;
        ProjectionStore live = ProjectionTestSupport.newStore();
        ProjectionStore rebuilt = ProjectionTestSupport.newStore();
        ProjectionStore writer = rebuilt.batchingAsOnlyWriter();
        for (long sequence = 0; sequence < 2; sequence++) {
            for (int entry = 0; entry < entries; entry++) {
                String programme = "p" + entry % programmes;
                ProgrammeFigures.apply(live, programme, ProgrammeFigures.RETURNS, "r" + entry, sequence, update(sequence), FIELDS);
                ProgrammeFigures.apply(writer, programme, ProgrammeFigures.RETURNS, "r" + entry, sequence, update(sequence), FIELDS);
            }
            writer.flush();
        }

        for (int programme = 0; programme < programmes; programme++) {
            Document rebuiltDocument = ProgrammeFigures.of(rebuilt, "p" + programme);
            Document liveDocument = ProgrammeFigures.of(live, "p" + programme);
            assertThat(rebuiltDocument.remove(EntryWrites.VERSION)).isNotNull();
            assertThat(liveDocument.remove(EntryWrites.VERSION)).isNotNull();
            assertThat(rebuiltDocument).as("p%d", programme).isEqualTo(liveDocument);
        }
        int last = entries - 1;
        assertThat(entry(rebuilt, "p" + last % programmes, "r" + last)).containsEntry("status", "S1").containsEntry("sentBackCount", 1);
    }
}
