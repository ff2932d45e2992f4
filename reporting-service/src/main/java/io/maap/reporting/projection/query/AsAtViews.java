package io.maap.reporting.projection.query;

import io.maap.reporting.projection.messaging.EventLog;
import io.maap.reporting.projection.query.Generations;
import io.maap.reporting.projection.query.ProjectionStore;
import io.maap.reporting.projection.query.Projections;

import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * The read models as they stood at a past instant: every event whose CloudEvents {@code time} is
 * at or before the instant, replayed from the event topics into a generation of its own, which
 * is kept for later questions about the same instant. Costs one full read of the event topics
 * per new instant, so what a caller can ask for is bounded: instants are rounded down to
 * {@code maap.reporting.as-at-resolution} (a second by default; a caller can't start a replay per
 * distinct millisecond), one replay runs at a time (a second request for the same instant waits
 * for it and then reads its result; a request for a view already computed never waits), and
 * the last {@code maap.reporting.as-at-cache} views are kept.
 */
@Component
public class AsAtViews {

    private final MongoTemplate mongo;
    private final EventLog eventLog;
    private final Projections projections;
    private final Clock clock;
    private final int keep;
    private final Duration resolution;
    private final Object replaying = new Object();

    public AsAtViews(MongoTemplate mongo, EventLog eventLog, Projections projections, Clock clock,
                     @Value("${maap.reporting.as-at-cache:20}") int keep,
                     @Value("${maap.reporting.as-at-resolution:PT1S}") Duration resolution) {
        if (resolution.isNegative() || resolution.isZero() || resolution.toMillis() == 0) {
            throw new IllegalArgumentException("maap.reporting.as-at-resolution must be at least a millisecond, not " + resolution);
        }
        this.mongo = mongo;
        this.eventLog = eventLog;
        this.projections = projections;
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
        String key = "asat" + instant.toEpochMilli() + "_";
        ProjectionStore store = new ProjectionStore(mongo, key);
        if (complete(key)) {
            used(key);
            return store;
        }
        synchronized (replaying) {
            if (complete(key)) {
                return store;
            }
            replay(instant, key, store);
        }
        return store;
    }

    private boolean complete(String key) {
        Document state = mongo.findById(key, Document.class, Generations.STATE);
        return state != null && Boolean.TRUE.equals(state.getBoolean("complete"));
    }

    /** The cache keeps the views used last: a view in use is not the one pruned. */
    private void used(String key) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(key)), new Update().set("usedAt", Date.from(clock.instant())),
                Generations.STATE);
    }

    private void replay(Instant instant, String key, ProjectionStore store) {
        store.drop();
        ProgrammeFigures.keptFromStart(store);
        ProjectionStore writer = store.batchingAsOnlyWriter();
        try (EventLog.Reader reader = eventLog.open()) {
            reader.readBatchesToEnd(events -> projections.applyAll(events.stream()
                    .filter(event -> event.time() == null || !event.time().toInstant().isAfter(instant))
                    .toList(), writer));
        }
        mongo.upsert(Query.query(Criteria.where("_id").is(key)),
                new Update().set("complete", true).set("asAt", instant.toString()).set("kind", "as-at")
                        .set("computedAt", clock.instant().toString())
                        .set("usedAt", Date.from(clock.instant())), Generations.STATE);
        prune();
    }

    private void prune() {
        List<Document> views = mongo.find(Query.query(Criteria.where("kind").is("as-at"))
                .with(Sort.by(Sort.Direction.DESC, "usedAt")), Document.class, Generations.STATE);
        views.stream().skip(keep).forEach(view -> {
            new ProjectionStore(mongo, view.getString("_id")).drop();
            mongo.remove(Query.query(Criteria.where("_id").is(view.getString("_id"))), Generations.STATE);
        });
    }
}
