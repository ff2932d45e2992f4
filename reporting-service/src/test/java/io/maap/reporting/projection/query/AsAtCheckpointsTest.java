package io.maap.reporting.projection.query;

import com.mongodb.client.MongoClients;
import io.maap.reporting.projection.messaging.EventLog;
import io.maap.reporting.projection.messaging.LogPositions;
import io.maap.reporting.projection.messaging.RecordTimeIndex;
import io.maap.reporting.returns.query.ReturnsProjection;
import io.maap.support.messaging.IncomingEvent;
import io.maap.testsupport.TestInfrastructure;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToIntFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * A view "as at" an instant continued from a checkpoint holds exactly the documents a replay from
 * empty gives (ADR 0023), over generated logs whose events arrive out of time order across
 * aggregates, late (after the checkpoint was built, with times before it) and twice.
 */
class AsAtCheckpointsTest {

    private static final Instant START = Instant.parse("2017-04-03T00:00:00Z");
    private static final List<String> TOPICS = List.of("maap.one.events", "maap.two.events");
    /** Records the simulated readers passed over without reading, in all. */
    private static final AtomicLong PASSED_OVER = new AtomicLong();

    /** One record of the simulated log. */
    private record Logged(TopicPartition partition, Instant time, IncomingEvent event) {
    }

    /** A payload the test projection reads. */
    private record Step(String aggregate, String programme) {
    }

    /**
     * Order-sensitive updates of a document and of its entry in its programme's figures, which
     * keeps two of the document's fields, as the real projections' do (a replay from empty writes
     * the figures from the documents, {@link FiguresFromDocuments}).
     */
    private static final Projection PROJECTION = (event, store) -> {
        Step step = (Step) event.payload();
        long sequence = event.sequence();
        Update update = new Update().inc("sentBackCount", 1).push("seen", sequence).set("status", "S" + sequence)
                .set("at", event.time().toString()).setOnInsert("first", sequence).max("highest", sequence)
                .set("programmeId", step.programme());
        store.applyInOrder(ReturnsProjection.RETURNS, step.aggregate(), sequence, update);
        ProgrammeFigures.apply(store, step.programme(), ProgrammeFigures.RETURNS, step.aggregate(), sequence, update,
                ProgrammeFigures.RETURN_FIELDS);
    };

    @Test
    void aViewContinuedFromACheckpointEqualsAReplayFromEmpty() {
        long passedOverFromCheckpoints = 0;
        for (long seed = 1; seed <= 8; seed++) {
            Random random = new Random(seed);
            List<Logged> log = new ArrayList<>();
            Map<String, long[]> aggregates = new HashMap<>();
            append(log, aggregates, random, 300, 0);
            Instant t0 = START.plus(Duration.ofHours(2 + random.nextInt(20)));
            Instant t1 = t0.plus(Duration.ofMinutes(30 + random.nextInt(600)));

            MongoTemplate continued = newMongo();
            AsAtViews views = views(continued, log, random);
            assertThat(views.checkpoint(t0)).isTrue();
            // later traffic: new events, events of before the checkpoint relayed late (new aggregates start
            // at the log's first time), and events delivered twice; a later checkpoint run indexes the
            // records' times up to the log's end then (past the checkpoint's end), and more traffic follows
            append(log, aggregates, random, 150, 20);
            duplicate(log, random, 15);
            views.generations().recordTimes(index(log, 1 + random.nextInt(40)));
            append(log, aggregates, random, 150, 30);
            duplicate(log, random, 15);
            long passedOver = PASSED_OVER.get();
            ProjectionStore fromCheckpoint = views.asAt(t1);
            passedOverFromCheckpoints += PASSED_OVER.get() - passedOver;
            assertThat(continued.count(Query.query(Criteria.where("kind").exists(true)), Generations.STATE))
                    .as("the checkpoint was taken over").isEqualTo(1);

            MongoTemplate empty = newMongo();
            ProjectionStore fromEmpty = views(empty, log, random).asAt(t1);
            MongoTemplate indexed = newMongo();
            AsAtViews indexedViews = views(indexed, log, random);
            indexedViews.generations().recordTimes(index(log, 1 + random.nextInt(40)));
            ProjectionStore fromEmptyIndexed = indexedViews.asAt(t1);

            assertThat(documents(fromCheckpoint)).as("seed %d", seed).isEqualTo(documents(fromEmpty)).isNotEmpty();
            assertThat(documents(fromEmptyIndexed)).as("seed %d, from empty passing over the index's spans", seed)
                    .isEqualTo(documents(fromEmpty));
        }
        assertThat(passedOverFromCheckpoints).as("records the views from checkpoints passed over unread").isPositive();
    }

    @Test
    void aBuiltCheckpointIsHandedOnAndAViewFromItKeepsTheVersionOfEveryProgrammeItsReplayDidNotWrite() {
        // programme "quiet" has events only before the checkpoint; "busy" before and after it
        List<Logged> log = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            log.add(logged("q" + i % 3, i / 3, START.plus(Duration.ofMinutes(10L * i)), "quiet"));
            log.add(logged("b" + i % 3, i / 3, START.plus(Duration.ofMinutes(40L * i)), "busy"));
        }
        Instant t0 = START.plus(Duration.ofHours(10));
        MongoTemplate mongo = newMongo();
        AsAtViews views = views(mongo, log, new Random(5));
        List<ProjectionStore> built = new ArrayList<>();
        views.onCheckpointBuilt(built::add);
        views.onCheckpointBuilt(checkpoint -> {
            throw new IllegalStateException("a failure here leaves the checkpoint built");
        });

        assertThat(views.checkpoint(t0)).isTrue();
        assertThat(built).hasSize(1);
        ProjectionStore checkpoint = built.get(0);
        assertThat(AsAtViews.isAsAt(checkpoint)).isTrue();
        assertThat(AsAtViews.isAsAt(new ProjectionStore(mongo, "g1_"))).isFalse();
        Map<String, Object> versions = ProgrammeFigures.versions(checkpoint);
        assertThat(versions.keySet()).containsExactlyInAnyOrder("quiet", "busy");
        Document quiet = ProgrammeFigures.of(checkpoint, "quiet");

        ProjectionStore view = views.asAt(START.plus(Duration.ofHours(20)));
        Map<String, Object> viewed = ProgrammeFigures.versions(view);
        assertThat(viewed.get("quiet")).as("not written by the replay").isNotNull().isEqualTo(versions.get("quiet"));
        assertThat(ProgrammeFigures.of(view, "quiet")).isEqualTo(quiet);
        assertThat(viewed.get("busy")).as("written by the replay").isNotNull().isNotEqualTo(versions.get("busy"));
        assertThat(built).as("a view is not a checkpoint").hasSize(1);
    }

    private static Logged logged(String aggregate, long sequence, Instant time, String programme) {
        TopicPartition partition = new TopicPartition(TOPICS.get(aggregate.hashCode() & 1), aggregate.hashCode() % 3 & 3);
        return new Logged(partition, time, new IncomingEvent("e-" + aggregate + "-" + sequence, "urn:test", "test", aggregate,
                time.atOffset(ZoneOffset.UTC), sequence, new Step(aggregate, programme)));
    }

    @Test
    void aViewReadsTheCopiedSequencesOfMoreEntriesThanOneQueryAsksFor() {
        Random random = new Random(21);
        List<Logged> log = new ArrayList<>();
        Map<String, long[]> aggregates = new HashMap<>();
        // some 400 aggregates, each an entry of one of 4 programmes' documents: a poll touches more
        // entries than one read of their sequences asks for
        for (int from = 0; from < 400; from += 40) {
            append(log, aggregates, random, 120, from);
        }
        Instant t0 = START.plus(Duration.ofHours(6));
        MongoTemplate continued = newMongo();
        EventLog eventLog = mock(EventLog.class);
        when(eventLog.open()).thenAnswer(invocation -> reader(log, 10_000));
        AsAtViews views = new AsAtViews(continued, eventLog, new Projections(List.of(PROJECTION)), Clock.systemUTC(), 20,
                Duration.ofSeconds(1));
        views.checkpoint(t0);
        for (int from = 0; from < 400; from += 40) {
            append(log, aggregates, random, 60, from);
        }
        duplicate(log, random, 100);
        Instant t1 = START.plus(Duration.ofDays(30));

        ProjectionStore fromCheckpoint = views.asAt(t1);
        ProjectionStore fromEmpty = views(newMongo(), log, random).asAt(t1);

        assertThat(documents(fromCheckpoint)).isEqualTo(documents(fromEmpty));
        assertThat(documents(fromEmpty).get(ProgrammeFigures.COLLECTION).stream()
                .mapToInt(programme -> programme.get(ProgrammeFigures.RETURNS) instanceof Document entries ? entries.size() : 0).sum())
                .as("entries in the programmes' documents").isGreaterThan(300);
    }

    @Test
    void aRunBuildsThePlannedCheckpointsAViewTakesOneOverAndTheNextRunBuildsItAgain() {
        Random random = new Random(7);
        List<Logged> log = new ArrayList<>();
        append(log, new HashMap<>(), random, 400, 0);
        MongoTemplate mongo = newMongo();
        EventLog eventLog = mock(EventLog.class);
        when(eventLog.open()).thenAnswer(invocation -> reader(log, 25));
        AsAtViews views = new AsAtViews(mongo, eventLog, new Projections(List.of(PROJECTION)), Clock.systemUTC(), 20, Duration.ofSeconds(1));
        AsAtCheckpoints checkpoints = new AsAtCheckpoints(views, eventLog, Clock.systemUTC(), 6, Duration.ofHours(6));

        assertThat(checkpoints.run()).isTrue();
        List<Instant> built = checkpoints.status().checkpoints();
        assertThat(built).hasSizeBetween(2, 6).allMatch(instant -> instant.toEpochMilli() % Duration.ofHours(6).toMillis() == 0);
        List<RecordTimeIndex.Block> blocks = views.generations().recordTimes().blocks();
        assertThat(blocks).as("the run indexed every record's time").hasSizeGreaterThan(TOPICS.size())
                .allMatch(block -> block.earliest() != null && !block.untimed());
        assertThat(blocks.stream().mapToLong(block -> block.to() - block.from()).sum()).isEqualTo(log.size());

        views.asAt(built.get(1).plusSeconds(60));
        assertThat(checkpoints.status().checkpoints()).hasSize(built.size() - 1).doesNotContain(built.get(1));
        checkpoints.run();
        assertThat(checkpoints.status().checkpoints()).isEqualTo(built);
        assertThat(checkpoints.status().running()).isFalse();

        AsAtCheckpoints off = new AsAtCheckpoints(views, eventLog, Clock.systemUTC(), 0, Duration.ofHours(6));
        assertThat(off.run()).isTrue();
        assertThat(off.status().checkpoints()).isEmpty();
        assertThat(mongo.getCollectionNames()).noneMatch(name -> name.startsWith("asatcp"));
    }

    @Test
    void aCheckpointBeingCopiedIsNotTakenAndOneRunHoldsTheLease() {
        Random random = new Random(11);
        List<Logged> log = new ArrayList<>();
        append(log, new HashMap<>(), random, 200, 0);
        MongoTemplate mongo = newMongo();
        AsAtViews views = views(mongo, log, random);
        Instant t0 = START.plus(Duration.ofHours(6));
        views.checkpoint(t0);
        AsAtGenerations generations = views.generations();
        String key = AsAtGenerations.checkpointKey(t0);

        assertThat(generations.startCopying(key)).isTrue();
        views.asAt(t0.plusSeconds(3600));
        assertThat(generations.checkpoints()).extracting(AsAtGenerations.Computed::instant).containsExactly(t0);
        generations.doneCopying(key);
        views.asAt(t0.plusSeconds(7200));
        assertThat(generations.checkpoints()).isEmpty();
        assertThat(generations.startCopying(key)).as("taken: nothing left to copy").isFalse();

        Instant now = Instant.parse("2026-12-04T10:00:00Z");
        assertThat(generations.leaseRun(now, Duration.ofHours(6))).isTrue();
        assertThat(generations.leaseRun(now.plusSeconds(60), Duration.ofHours(6))).isFalse();
        assertThat(generations.leaseRun(now.plus(Duration.ofHours(7)), Duration.ofHours(6))).as("a run that died").isTrue();
        generations.releaseRun();
        assertThat(generations.leaseRun(now.plus(Duration.ofHours(7)).plusSeconds(1), Duration.ofHours(6))).isTrue();
    }

    private static void duplicate(List<Logged> log, Random random, int count) {
        for (int i = 0; i < count; i++) {
            log.add(log.get(random.nextInt(log.size())));
        }
    }

    /** {@code count} more events: each aggregate's in sequence order, interleaved at random, so times jump back and forth. */
    private static void append(List<Logged> log, Map<String, long[]> aggregates, Random random, int count, int from) {
        for (int i = 0; i < count; i++) {
            String aggregate = "a" + (from + random.nextInt(40));
            long[] state = aggregates.computeIfAbsent(aggregate, a -> new long[] {0, START.toEpochMilli()});
            state[1] += random.nextInt(4 * 3_600_000);
            long sequence = state[0]++;
            Instant time = Instant.ofEpochMilli(state[1]);
            TopicPartition partition = new TopicPartition(TOPICS.get(aggregate.hashCode() & 1), aggregate.hashCode() % 3 & 3);
            IncomingEvent event = new IncomingEvent("e-" + aggregate + "-" + sequence, "urn:test", "test", aggregate,
                    time.atOffset(ZoneOffset.UTC), sequence, new Step(aggregate, "p" + aggregate.hashCode() % 4));
            log.add(new Logged(partition, time, event));
        }
    }

    private static AsAtViews views(MongoTemplate mongo, List<Logged> log, Random random) {
        EventLog eventLog = mock(EventLog.class);
        when(eventLog.open()).thenAnswer(invocation -> reader(log, 1 + random.nextInt(50)));
        return new AsAtViews(mongo, eventLog, new Projections(List.of(PROJECTION)), Clock.systemUTC(), 20, Duration.ofSeconds(1));
    }

    /** A reader of the log as it is now, in polls of {@code poll} records, judging each by its header as the real one does. */
    private static EventLog.Reader reader(List<Logged> log, int poll) {
        EventLog.Reader reader = mock(EventLog.Reader.class);
        List<Logged> now = List.copyOf(log);
        when(reader.readBatchesToEnd(any(EventLog.Reader.RecordFilter.class), any())).thenAnswer(invocation ->
                read(now, poll, invocation.getArgument(0), RecordTimeIndex.Spans.NONE, invocation.getArgument(1)));
        when(reader.readBatchesToEnd(any(EventLog.Reader.RecordFilter.class), any(RecordTimeIndex.Spans.class), any()))
                .thenAnswer(invocation -> read(now, poll, invocation.getArgument(0), invocation.getArgument(1), invocation.getArgument(2)));
        when(reader.endsNow()).thenAnswer(invocation -> {
            Map<String, Long> ends = new HashMap<>();
            read(now, poll, (position, time) -> {
                ends.put(position.topic() + "/" + position.partition(), position.offset() + 1);
                return false;
            }, RecordTimeIndex.Spans.NONE, events -> 0);
            return ends;
        });
        return reader;
    }

    /** Reads {@code log} as the real reader does: records in a span passed over are not seen, not even their headers. */
    private static LogPositions read(List<Logged> log, int poll, EventLog.Reader.RecordFilter keep, RecordTimeIndex.Spans passOver,
                                     ToIntFunction<List<IncomingEvent>> sink) {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        List<IncomingEvent> batch = new ArrayList<>();
        for (Logged record : log) {
            long offset = offsets.merge(record.partition(), 1L, Long::sum) - 1;
            var position = new LogPositions.Position(record.partition().topic(), record.partition().partition(), offset);
            if (passOver.next(position.topic(), position.partition(), offset) != offset) {
                PASSED_OVER.incrementAndGet();
                continue;
            }
            if (keep.keep(position, record.time())) {
                batch.add(record.event());
            }
            if (batch.size() == poll) {
                sink.applyAsInt(List.copyOf(batch));
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            sink.applyAsInt(batch);
        }
        return LogPositions.of(offsets);
    }

    /** The index a checkpoint run would build of the log as it is now, in blocks of {@code blockRecords}. */
    private static RecordTimeIndex index(List<Logged> log, int blockRecords) {
        RecordTimeIndex.Builder index = new RecordTimeIndex.Builder(blockRecords);
        LogPositions ends = read(List.copyOf(log), 1, (position, time) -> {
            index.add(position, time);
            return false;
        }, RecordTimeIndex.Spans.NONE, events -> 0);
        return index.build(ends);
    }

    private static MongoTemplate newMongo() {
        String uri = TestInfrastructure.newMongoUri("as_at_checkpoints_test");
        int slash = uri.lastIndexOf('/');
        return new MongoTemplate(MongoClients.create(uri.substring(0, slash)), uri.substring(slash + 1));
    }

    /**
     * Every collection of the generation, by name without its prefix, with its documents in
     * {@code _id} order; a programme's {@code version} (new on every write, ADR 0022) says only that it changed.
     */
    private static Map<String, List<Document>> documents(ProjectionStore store) {
        Map<String, List<Document>> collections = new TreeMap<>();
        store.mongo().getCollectionNames().stream().filter(name -> name.startsWith(store.prefix())).forEach(name -> {
            List<Document> documents = store.mongo().find(new Query().with(Sort.by("_id")), Document.class, name);
            documents.forEach(document -> document.remove("version"));
            collections.put(name.substring(store.prefix().length()), documents);
        });
        return collections;
    }
}
