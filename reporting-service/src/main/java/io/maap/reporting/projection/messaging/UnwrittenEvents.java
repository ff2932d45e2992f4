package io.maap.reporting.projection.messaging;

import io.maap.reporting.projection.query.ProjectionStore;

import java.util.function.IntConsumer;

/**
 * The events a rebuild has applied to its only writer's store in memory and not yet handed to its
 * writes: every {@code eventsPerWrite} of them the documents' writes go to {@code writes}, which
 * writes them while the next polls are read and applied, in the order they were handed on; the
 * programmes' figures documents' writes (ADR 0020) go with them every {@code eventsPerFiguresWrite}
 * events, and at the end ({@link #handOnAll()}).
 * Each document's updates merge in memory meanwhile, so the fewer hand-overs, the fewer writes:
 * each write of a figures document reads and writes the whole document, and in a log in time order
 * every write touches every programme under way (BENCHMARKS.md, "Programme figures written back
 * whole"). Memory holds that many events' updates twice (one set written while the next is applied).
 * An "as at" replay writes every poll instead: a view waits for its last write, which would not be
 * overlapped with reading (BENCHMARKS.md). Not thread-safe: the rebuild's thread applies and hands on.
 */
public final class UnwrittenEvents {

    /**
     * The events whose documents' writes are handed on together, by default: a poll's. Handing on
     * 10,000 at a time (since the figures are written separately, it spared no figures write) held
     * five polls' updates until they were promoted to the old generation, and in a service's
     * {@code -Xmx512m} the rebuild ran slower (BENCHMARKS.md, "reporting-service in a -Xmx512m JVM").
     */
    public static final int EVENTS_PER_WRITE = 2_000;
    /** The events whose programme figures' writes are handed on together, by default. */
    public static final int EVENTS_PER_FIGURES_WRITE = 100_000;

    private final ProjectionStore target;
    private final WriteBehind writes;
    private final int eventsPerWrite;
    private final int eventsPerFiguresWrite;
    private final IntConsumer written;
    private int events;
    private int eventsSinceFigures;

    /**
     * @param target  the only writer's batching store the events are applied to
     * @param written told, on the writes' thread, how many events' documents a write has just written
     */
    public UnwrittenEvents(ProjectionStore target, WriteBehind writes, int eventsPerWrite, int eventsPerFiguresWrite,
                           IntConsumer written) {
        if (eventsPerWrite < 1 || eventsPerFiguresWrite < 1) {
            throw new IllegalArgumentException("Writes are handed on every event or more rarely, not every "
                    + eventsPerWrite + " and " + eventsPerFiguresWrite);
        }
        this.target = target;
        this.writes = writes;
        this.eventsPerWrite = eventsPerWrite;
        this.eventsPerFiguresWrite = eventsPerFiguresWrite;
        this.written = written;
    }

    /** Counts events just applied to the target; hands their writes on once there are enough. */
    public void applied(int count) {
        events += count;
        if (events >= eventsPerWrite) {
            handOn(eventsSinceFigures + events >= eventsPerFiguresWrite);
        }
    }

    /** Hands the writes of every event applied so far on, the figures' included. */
    public void handOnAll() {
        handOn(true);
    }

    private void handOn(boolean withFigures) {
        if (events == 0 && (!withFigures || eventsSinceFigures == 0)) {
            return;
        }
        int count = events;
        events = 0;
        eventsSinceFigures = withFigures ? 0 : eventsSinceFigures + count;
        Runnable write = target.takeFlush(withFigures);
        writes.submit(() -> {
            write.run();
            written.accept(count);
        });
    }
}
