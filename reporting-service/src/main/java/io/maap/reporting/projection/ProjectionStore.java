package io.maap.reporting.projection;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * One generation of the read models: the live one, one being rebuilt, or one computed "as at"
 * a past instant. Its collections share a name prefix in the same MongoDB database.
 */
public final class ProjectionStore {

    static final String LAST_SEQUENCE = "lastSequence";

    private final MongoTemplate mongo;
    private final String prefix;

    public ProjectionStore(MongoTemplate mongo, String prefix) {
        this.mongo = mongo;
        this.prefix = prefix;
    }

    public String prefix() {
        return prefix;
    }

    public String collection(String name) {
        return prefix + name;
    }

    public MongoTemplate mongo() {
        return mongo;
    }

    /**
     * Applies an event to one document at most once and never out of order: the document keeps
     * the sequence number of the last event of its aggregate that it reflects, and an update with
     * a sequence at or below it changes nothing.
     *
     * @return whether the update was applied
     */
    public boolean applyInOrder(String collection, String id, long sequence, Update update) {
        // Every document carries lastSequence, so "newer" is a plain range on it; a document that is
        // missing, or already at or past this sequence, doesn't match: the upsert then inserts it,
        // or fails on the duplicate _id, which means the event was applied before.
        Query newer = Query.query(Criteria.where("_id").is(id).and(LAST_SEQUENCE).lt(sequence));
        try {
            mongo.upsert(newer, update.set(LAST_SEQUENCE, sequence), collection(collection));
            return true;
        } catch (DuplicateKeyException alreadyApplied) {
            return false;
        }
    }

    /** Drops every collection of this generation. */
    public void drop() {
        mongo.getCollectionNames().stream().filter(name -> name.startsWith(prefix)).forEach(mongo::dropCollection);
    }
}
