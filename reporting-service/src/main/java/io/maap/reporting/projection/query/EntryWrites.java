package io.maap.reporting.projection.query;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes of entries inside shared documents (e.g. each return request's figures inside its
 * programme's document, {@link ProgrammeFigures}): each entry is applied at most once per event
 * and never out of order, by the sequence it keeps under {@code <entry>.seq}, as
 * {@link ProjectionStore#applyInOrder} does for whole documents. An entry's update holds only
 * {@code $set} and {@code $inc} of its own fields.
 * <p>
 * At once: an upsert conditional on the entry's sequence being below the event's (a missing entry
 * matches); a document that exists but does not match makes the upsert try a duplicate
 * {@code _id}, which means "applied before" once the entry is read and found at or past the
 * sequence, or another writer created the document meanwhile (then it goes round again).
 * For the only writer of a generation: the entries' sequences are kept in memory and a flush
 * merges each document's updates into one unconditional upsert by {@code _id}.
 */
final class EntryWrites {

    private static final String SEQ = "seq";
    private static final int MAX_ATTEMPTS = 20;

    private final MongoTemplate mongo;
    private final String prefix;
    private final boolean batched;
    /** For the only writer: the last sequence applied to each entry, by collection, document and entry. */
    private final Map<String, Long> applied;
    /** For the only writer: each document's merged update, by collection then document id. */
    private final Map<String, Map<String, Merged>> merged = new LinkedHashMap<>();
    /** For a batching writer beside others: the updates to write one by one on flush. */
    private final List<Runnable> pending = new ArrayList<>();

    EntryWrites(MongoTemplate mongo, String prefix, boolean batched, boolean onlyWriter) {
        this.mongo = mongo;
        this.prefix = prefix;
        this.batched = batched;
        this.applied = onlyWriter ? new HashMap<>() : null;
    }

    /** The {@code $set} and {@code $inc} of one entry, by field. */
    record EntryUpdate(Map<String, Object> set, Map<String, Number> inc) {
    }

    void apply(String collection, String documentId, String entry, long sequence, EntryUpdate update) {
        if (applied != null) {
            String key = collection + '\u0000' + documentId + '\u0000' + entry;
            Long last = applied.get(key);
            if (last != null && last >= sequence) {
                return;
            }
            applied.put(key, sequence);
            merged.computeIfAbsent(collection, c -> new LinkedHashMap<>())
                    .computeIfAbsent(documentId, d -> new Merged()).add(entry, sequence, update);
        } else if (batched) {
            pending.add(() -> writeIfNewer(collection, documentId, entry, sequence, update));
        } else {
            writeIfNewer(collection, documentId, entry, sequence, update);
        }
    }

    void flush() {
        pending.forEach(Runnable::run);
        pending.clear();
        for (Map.Entry<String, Map<String, Merged>> byCollection : merged.entrySet()) {
            BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, prefix + byCollection.getKey());
            byCollection.getValue().forEach((id, update) -> bulk.upsert(Query.query(Criteria.where("_id").is(id)), update.update()));
            bulk.execute();
        }
        merged.clear();
    }

    private void writeIfNewer(String collection, String documentId, String entry, long sequence, EntryUpdate update) {
        Merged one = new Merged();
        one.add(entry, sequence, update);
        Query newer = Query.query(Criteria.where("_id").is(documentId).and(entry + "." + SEQ).not().gte(sequence));
        for (int attempt = 1; ; attempt++) {
            try {
                mongo.upsert(newer, one.update(), prefix + collection);
                return;
            } catch (DuplicateKeyException notMatched) {
                if (appliedBefore(collection, documentId, entry, sequence)) {
                    return;
                }
                if (attempt == MAX_ATTEMPTS) {
                    throw notMatched;
                }
            }
        }
    }

    private boolean appliedBefore(String collection, String documentId, String entry, long sequence) {
        Document document = mongo.getCollection(prefix + collection).find(new Document("_id", documentId))
                .projection(new Document(entry + "." + SEQ, 1)).first();
        Object current = document;
        for (String part : (entry + "." + SEQ).split("\\.")) {
            current = current instanceof Document d ? d.get(part) : null;
        }
        return current instanceof Number seq && seq.longValue() >= sequence;
    }

    /** One document's updates merged in order: a later {@code $set} wins; an {@code $inc} adds to a value set before it. */
    private static final class Merged {

        private final Map<String, Object> set = new LinkedHashMap<>();
        private final Map<String, Number> inc = new LinkedHashMap<>();

        void add(String entry, long sequence, EntryUpdate update) {
            update.set().forEach((field, value) -> {
                inc.remove(entry + "." + field);
                set.put(entry + "." + field, value);
            });
            update.inc().forEach((field, by) -> {
                String path = entry + "." + field;
                if (set.containsKey(path)) {
                    set.put(path, sum(set.get(path) instanceof Number n ? n : 0, by));
                } else {
                    inc.merge(path, by, Merged::sum);
                }
            });
            inc.remove(entry + "." + SEQ);
            set.put(entry + "." + SEQ, sequence);
        }

        /** As MongoDB adds: two 32-bit integers give one (the live path's {@code $inc} on an int keeps it an int). */
        private static Number sum(Number a, Number b) {
            return a instanceof Integer && b instanceof Integer ? (Number) (a.intValue() + b.intValue()) : (Number) (a.longValue() + b.longValue());
        }

        Update update() {
            Update update = new Update();
            set.forEach(update::set);
            inc.forEach(update::inc);
            return update;
        }
    }
}
