package io.maap.reporting.projection.query;

import io.maap.reporting.projection.messaging.LogPositions;

import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * The records of the generations computed "as at" an instant, in {@code projection_state}: the
 * views callers asked for ({@value #VIEW}, kept while used) and the checkpoints built ahead of
 * them ({@value #CHECKPOINT}, ADR 0023). Each complete one records its instant and where in the
 * event topics its replay ended ({@link LogPositions}): what a later replay needs to continue
 * from it.
 */
final class AsAtGenerations {

    static final String VIEW = "as-at";
    static final String CHECKPOINT = "as-at-checkpoint";

    private final MongoTemplate mongo;

    AsAtGenerations(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** A complete generation as at {@code instant} whose replay read the topics up to {@code positions}. */
    record Computed(String key, String kind, Instant instant, LogPositions positions) {

        ProjectionStore store(MongoTemplate mongo) {
            return new ProjectionStore(mongo, key);
        }
    }

    static String viewKey(Instant instant) {
        return "asat" + instant.toEpochMilli() + "_";
    }

    static String checkpointKey(Instant instant) {
        return "asatcp" + instant.toEpochMilli() + "_";
    }

    boolean complete(String key) {
        Document state = mongo.findById(key, Document.class, Generations.STATE);
        return state != null && Boolean.TRUE.equals(state.getBoolean("complete"));
    }

    void recordComplete(String key, String kind, Instant instant, LogPositions positions, Instant now) {
        mongo.upsert(Query.query(Criteria.where("_id").is(key)),
                new Update().set("complete", true).set("asAt", instant.toString()).set("asAtMillis", instant.toEpochMilli())
                        .set("kind", kind).set("positions", positions.toDocuments())
                        .set("computedAt", now.toString()).set("usedAt", Date.from(now)), Generations.STATE);
    }

    void used(String key, Instant now) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(key)), new Update().set("usedAt", Date.from(now)), Generations.STATE);
    }

    /** The complete checkpoint latest at or before {@code instant}, if any. */
    Optional<Computed> latestCheckpointAtOrBefore(Instant instant) {
        Query query = Query.query(Criteria.where("kind").is(CHECKPOINT).and("complete").is(true)
                .and("asAtMillis").lte(instant.toEpochMilli())).with(Sort.by(Sort.Direction.DESC, "asAtMillis")).limit(1);
        return mongo.find(query, Document.class, Generations.STATE).stream().findFirst().map(AsAtGenerations::computed);
    }

    List<Computed> checkpoints() {
        return mongo.find(Query.query(Criteria.where("kind").is(CHECKPOINT)).with(Sort.by("asAtMillis")), Document.class,
                Generations.STATE).stream().map(AsAtGenerations::computed).toList();
    }

    /** The views, used last first. */
    List<String> viewsUsedLastFirst() {
        return mongo.find(Query.query(Criteria.where("kind").is(VIEW)).with(Sort.by(Sort.Direction.DESC, "usedAt")),
                Document.class, Generations.STATE).stream().map(view -> view.getString("_id")).toList();
    }

    /** Every generation "as at" an instant, views and checkpoints (what shredding must reach too, ADR 0016). */
    List<ProjectionStore> all() {
        return mongo.find(Query.query(Criteria.where("kind").in(VIEW, CHECKPOINT)), Document.class, Generations.STATE)
                .stream().map(state -> new ProjectionStore(mongo, state.getString("_id"))).toList();
    }

    /** Forgets a generation and drops its collections. */
    void drop(String key) {
        mongo.remove(Query.query(Criteria.where("_id").is(key)), Generations.STATE);
        new ProjectionStore(mongo, key).drop();
    }

    /** Forgets a generation whose collections now belong to another (renamed, {@link GenerationCopy#move}). */
    void forget(String key) {
        mongo.remove(Query.query(Criteria.where("_id").is(key)), Generations.STATE);
    }

    private static Computed computed(Document state) {
        List<Document> positions = state.getList("positions", Document.class);
        return new Computed(state.getString("_id"), state.getString("kind"), Instant.parse(state.getString("asAt")),
                positions == null ? null : LogPositions.fromDocuments(positions));
    }
}
