package io.maap.reporting.projection.query;

import io.maap.reporting.projection.messaging.EventLog;
import io.maap.reporting.projection.messaging.LogPositions;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The read models as they stood at a past instant: every event whose CloudEvents {@code time} is
 * at or before the instant, in a generation of its own, kept for later questions about the same
 * instant. A new instant starts from the latest checkpoint at or before it (ADR 0023; built ahead
 * by {@link AsAtCheckpoints}), taken over whole by renaming its collections, and applies only the
 * events the checkpoint lacks; without one, it replays the topics from their beginning. Either
 * way it reads every record's header, so what a caller can ask for is bounded: instants are
 * rounded down to {@code maap.reporting.as-at-resolution} (a second by default; a caller can't
 * start a replay per distinct millisecond), one replay runs at a time on an instance (a second
 * request for the same instant waits for it and then reads its result; a request for a view
 * already computed never waits; a checkpoint's build counts as a replay), a checkpoint is claimed
 * in the database before it is taken over or copied (no two instances take the same one, and
 * none takes one being copied), and the last
 * {@code maap.reporting.as-at-cache} views are kept.
 */
@Component
public class AsAtViews {

    private static final Logger log = LoggerFactory.getLogger(AsAtViews.class);

    private final MongoTemplate mongo;
    private final AsAtGenerations generations;
    private final AsAtReplay replay;
    private final Clock clock;
    private final int keep;
    private final Duration resolution;
    private final Object replaying = new Object();
    private final List<Consumer<ProjectionStore>> checkpointBuilt = new CopyOnWriteArrayList<>();

    public AsAtViews(MongoTemplate mongo, EventLog eventLog, Projections projections, Clock clock,
                     @Value("${maap.reporting.as-at-cache:20}") int keep,
                     @Value("${maap.reporting.as-at-resolution:PT1S}") Duration resolution) {
        if (resolution.isNegative() || resolution.isZero() || resolution.toMillis() == 0) {
            throw new IllegalArgumentException("maap.reporting.as-at-resolution must be at least a millisecond, not " + resolution);
        }
        this.mongo = mongo;
        this.generations = new AsAtGenerations(mongo);
        this.replay = new AsAtReplay(eventLog, projections);
        this.clock = clock;
        this.keep = keep;
        this.resolution = resolution;
    }

    /** The instant a view "as at" {@code requested} is computed for: rounded down to the resolution. */
    public Instant rounded(Instant requested) {
        long step = resolution.toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(requested.toEpochMilli(), step) * step);
    }

    /** The read models as at {@code requested}, rounded down ({@link #rounded}). */
    public ProjectionStore asAt(Instant requested) {
        Instant instant = rounded(requested);
        String key = AsAtGenerations.viewKey(instant);
        ProjectionStore store = new ProjectionStore(mongo, key);
        if (generations.complete(key)) {
            generations.used(key, clock.instant());
            return store;
        }
        synchronized (replaying) {
            if (generations.complete(key)) {
                return store;
            }
            Optional<AsAtGenerations.Computed> checkpoint = generations.takeLatestCheckpointAtOrBefore(instant, clock.instant());
            if (checkpoint.isPresent()) {
                // Taken, not copied: a copy costs as much as writing every document again; the checkpoint is built again later.
                GenerationCopy.move(checkpoint.get().store(mongo), store);
                generations.forget(checkpoint.get().key());
            } else {
                store.drop();
                ProgrammeFigures.keptFromStart(store);
            }
            LogPositions read = replay.fill(instant, store, checkpoint.orElse(null), generations.recordTimes());
            generations.recordComplete(key, AsAtGenerations.VIEW, instant, read, clock.instant());
            prune();
        }
        return store;
    }

    /**
     * Builds the checkpoint as at {@code instant} unless it exists: a copy of the latest one before
     * it, continued to the instant, or a replay from empty. One replay at a time, as for views.
     *
     * @return whether it was built now
     */
    boolean checkpoint(Instant instant) {
        String key = AsAtGenerations.checkpointKey(instant);
        synchronized (replaying) {
            if (generations.complete(key)) {
                return false;
            }
            ProjectionStore store = new ProjectionStore(mongo, key);
            Optional<AsAtGenerations.Computed> base = generations.latestCheckpointAtOrBefore(instant);
            // a view on another instance may take the base meanwhile: it takes none marked as being copied
            while (base.isPresent() && !generations.startCopying(base.get().key())) {
                base = generations.latestCheckpointAtOrBefore(instant);
            }
            if (base.isPresent()) {
                try {
                    GenerationCopy.copy(base.get().store(mongo), store);
                } finally {
                    generations.doneCopying(base.get().key());
                }
            } else {
                store.drop();
                ProgrammeFigures.keptFromStart(store);
            }
            LogPositions read = replay.fill(instant, store, base.orElse(null), generations.recordTimes());
            generations.recordComplete(key, AsAtGenerations.CHECKPOINT, instant, read, clock.instant());
            built(store);
            return true;
        }
    }

    /**
     * Calls {@code then} with each checkpoint once it is built, before a view can take it, on the
     * thread that built it (one replay at a time: a caller's view waits for it as for the build):
     * work on the checkpoint that every view continued from it would otherwise do first.
     */
    public void onCheckpointBuilt(Consumer<ProjectionStore> then) {
        checkpointBuilt.add(then);
    }

    private void built(ProjectionStore checkpoint) {
        for (Consumer<ProjectionStore> then : checkpointBuilt) {
            try {
                then.accept(checkpoint);
            } catch (RuntimeException e) {
                // only a head start for the views continued from it
                log.warn("After building the checkpoint {}: {}", checkpoint.prefix(), e.toString());
            }
        }
    }

    /** Whether a generation is a view "as at" an instant or a checkpoint, both complete before they are read and not written after. */
    public static boolean isAsAt(ProjectionStore store) {
        return store.prefix().startsWith(AsAtGenerations.PREFIX);
    }

    /** Drops a checkpoint no longer wanted (one replay at a time: none is reading it). */
    void dropCheckpoint(String key) {
        synchronized (replaying) {
            generations.drop(key);
        }
    }

    /** Every generation "as at" an instant there is: views and checkpoints. */
    public java.util.List<ProjectionStore> computed() {
        return generations.all();
    }

    AsAtGenerations generations() {
        return generations;
    }

    private void prune() {
        generations.viewsUsedLastFirst().stream().skip(keep).forEach(generations::drop);
    }
}
