package io.maap.reporting.projection.query;

import io.maap.reporting.projection.messaging.LogPositions;
import io.maap.reporting.projection.messaging.RecordTimeIndex;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Duration;
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
    /** A checkpoint a view is taking over (its collections being renamed); the record goes once it has. */
    static final String TAKEN = "as-at-checkpoint-taken";
    /** The records' times as the last checkpoint run read them ({@link RecordTimeIndex}). */
    private static final String RECORD_TIMES = "as-at-record-times";
    /** The lease of the one run building checkpoints, among every instance of reporting-service. */
    private static final String RUN = "as-at-checkpoint-run";

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

    /** What every view's and checkpoint's collection prefix starts with. */
    static final String PREFIX = "asat";

    static String viewKey(Instant instant) {
        return PREFIX + instant.toEpochMilli() + "_";
    }

    static String checkpointKey(Instant instant) {
        return PREFIX + "cp" + instant.toEpochMilli() + "_";
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

    /** The records' times as the last checkpoint run read them, or an index of nothing before the first run. */
    RecordTimeIndex recordTimes() {
        Document stored = mongo.findById(RECORD_TIMES, Document.class, Generations.STATE);
        return stored == null ? RecordTimeIndex.NONE : RecordTimeIndex.fromDocument(stored);
    }

    void recordTimes(RecordTimeIndex index) {
        mongo.save(index.toDocument().append("_id", RECORD_TIMES), Generations.STATE);
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

    /**
     * Claims the latest checkpoint at or before {@code instant} for a view to take over, in one
     * atomic update, so that no other request (on any instance) takes it too, and none that is
     * being copied ({@link #startCopying}) is taken.
     */
    Optional<Computed> takeLatestCheckpointAtOrBefore(Instant instant, Instant now) {
        Query query = Query.query(Criteria.where("kind").is(CHECKPOINT).and("complete").is(true).and("copying").ne(true)
                .and("asAtMillis").lte(instant.toEpochMilli())).with(Sort.by(Sort.Direction.DESC, "asAtMillis"));
        return Optional.ofNullable(mongo.findAndModify(query, new Update().set("kind", TAKEN).set("takenAt", Date.from(now)),
                Document.class, Generations.STATE)).map(AsAtGenerations::computed);
    }

    /** Marks a checkpoint as being copied, unless a view has taken it: answers whether it is still there. */
    boolean startCopying(String key) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(key).and("kind").is(CHECKPOINT)),
                new Update().set("copying", true), Generations.STATE).getMatchedCount() == 1;
    }

    void doneCopying(String key) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(key)), new Update().unset("copying"), Generations.STATE);
    }

    /**
     * Takes the lease of the one run building checkpoints for {@code length}, if no other holds it;
     * a run that holds it clears what a run that died left: copying marks, and takes left unfinished
     * for longer than the lease.
     */
    boolean leaseRun(Instant now, Duration length) {
        try {
            mongo.upsert(Query.query(Criteria.where("_id").is(RUN).and("until").lt(Date.from(now))),
                    new Update().set("until", Date.from(now.plus(length))), Generations.STATE);
        } catch (DuplicateKeyException held) {
            return false;
        }
        mongo.updateMulti(Query.query(Criteria.where("kind").is(CHECKPOINT)), new Update().unset("copying"), Generations.STATE);
        mongo.find(Query.query(Criteria.where("kind").is(TAKEN).and("takenAt").lt(Date.from(now.minus(length)))), Document.class,
                Generations.STATE).forEach(stale -> drop(stale.getString("_id")));
        return true;
    }

    void releaseRun() {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(RUN)), new Update().set("until", new Date(0)), Generations.STATE);
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
