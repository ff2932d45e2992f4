package io.maap.reporting.projection.messaging;

import io.maap.reporting.projection.query.ProjectionStore;

import java.util.function.IntConsumer;

/**
 * The events a rebuild has applied to its only writer's store in memory and not yet handed to its
 * writes: every {@code eventsPerWrite} of them their writes go to {@code writes}, which writes them
 * while the next polls are read and applied, in the order they were handed on, and the rest at the
 * end ({@link #handOnAll()}). Each document's updates merge in memory meanwhile. Memory holds that
 * many events' updates twice (one set written while the next is applied). The programmes' figures
 * documents are not among them until the rebuild writes them from the documents
 * ({@link ProjectionStore#batchingAsOnlyWriterFiguresLast()}); after that, they go with the
 * documents. An "as at" replay writes every poll instead: a view waits for its last write, which
 * would not be overlapped with reading (BENCHMARKS.md). Not thread-safe: the rebuild's thread
 * applies and hands on.
 */
public final class UnwrittenEvents {

    /**
     * The events whose documents' writes are handed on together, by default: a poll's. Handing on
     * 10,000 at a time held five polls' updates until they were promoted to the old generation,
     * and in a service's {@code -Xmx512m} the rebuild ran slower (BENCHMARKS.md,
     * "reporting-service in a -Xmx512m JVM").
     */
    public static final int EVENTS_PER_WRITE = 2_000;

    private final ProjectionStore target;
    private final WriteBehind writes;
    private final int eventsPerWrite;
    private final IntConsumer written;
    private int events;

    /**
     * @param target  the only writer's batching store the events are applied to
     * @param written told, on the writes' thread, how many events' documents a write has just written
     */
    public UnwrittenEvents(ProjectionStore target, WriteBehind writes, int eventsPerWrite, IntConsumer written) {
        if (eventsPerWrite < 1) {
            throw new IllegalArgumentException("Writes are handed on every event or more rarely, not every " + eventsPerWrite);
        }
        this.target = target;
        this.writes = writes;
        this.eventsPerWrite = eventsPerWrite;
        this.written = written;
    }

    /** Counts events just applied to the target; hands their writes on once there are enough. */
    public void applied(int count) {
        events += count;
        if (events >= eventsPerWrite) {
            handOnAll();
        }
    }

    /** Hands the writes of every event applied so far on. */
    public void handOnAll() {
        if (events == 0) {
            return;
        }
        int count = events;
        events = 0;
        Runnable write = target.takeFlush();
        writes.submit(() -> {
            write.run();
            written.accept(count);
        });
    }
}
