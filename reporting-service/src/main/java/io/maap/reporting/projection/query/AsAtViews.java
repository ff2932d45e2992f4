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
import java.time.Instant;
import java.util.List;

/**
 * The read models as they stood at a past instant: every event whose CloudEvents {@code time} is
 * at or before the instant, replayed from the event topics into a generation of its own, which
 * is kept for later questions about the same instant. Costs one full read of the event topics
 * per new instant; the last {@code maap.reporting.as-at-cache} are kept.
 */
@Component
public class AsAtViews {

    private final MongoTemplate mongo;
    private final EventLog eventLog;
    private final Projections projections;
    private final Clock clock;
    private final int keep;

    public AsAtViews(MongoTemplate mongo, EventLog eventLog, Projections projections, Clock clock,
                     @Value("${maap.reporting.as-at-cache:20}") int keep) {
        this.mongo = mongo;
        this.eventLog = eventLog;
        this.projections = projections;
        this.clock = clock;
        this.keep = keep;
    }

    public synchronized ProjectionStore asAt(Instant instant) {
        String key = "asat" + instant.toEpochMilli() + "_";
        ProjectionStore store = new ProjectionStore(mongo, key);
        Document state = mongo.findById(key, Document.class, Generations.STATE);
        if (state != null && Boolean.TRUE.equals(state.getBoolean("complete"))) {
            return store;
        }
        store.drop();
        ProjectionStore writer = store.batchingAsOnlyWriter();
        try (EventLog.Reader reader = eventLog.open()) {
            reader.readBatchesToEnd(events -> projections.applyAll(events.stream()
                    .filter(event -> event.time() == null || !event.time().toInstant().isAfter(instant))
                    .toList(), writer));
        }
        mongo.upsert(Query.query(Criteria.where("_id").is(key)),
                new Update().set("complete", true).set("asAt", instant.toString()).set("kind", "as-at")
                        .set("computedAt", clock.instant().toString()), Generations.STATE);
        prune();
        return store;
    }

    private void prune() {
        List<Document> views = mongo.find(Query.query(Criteria.where("kind").is("as-at"))
                .with(Sort.by(Sort.Direction.DESC, "computedAt")), Document.class, Generations.STATE);
        views.stream().skip(keep).forEach(view -> {
            new ProjectionStore(mongo, view.getString("_id")).drop();
            mongo.remove(Query.query(Criteria.where("_id").is(view.getString("_id"))), Generations.STATE);
        });
    }
}
