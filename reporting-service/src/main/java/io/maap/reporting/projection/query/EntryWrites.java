package io.maap.reporting.projection.query;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
 * <p>
 * Every write that changes a document also sets its {@value #VERSION} to a new {@link ObjectId}
 * (unique across writers, instances and a dropped generation filled again), so a reader can tell
 * by that one field whether the document changed since it last read it ({@link ProgrammeViewCache});
 * a write that matches nothing (applied before) leaves it as it was.
 */
final class EntryWrites {

    /** The field every write of a shared document sets anew. */
    static final String VERSION = "version";
    private static final String SEQ = "seq";
    private static final int MAX_ATTEMPTS = 20;
    /** The most paths one update of a document sets or adds to; a flush sends more as several ({@link Merged}). */
    static final int PATHS_PER_UPDATE = 1000;

    private final MongoTemplate mongo;
    private final String prefix;
    private final boolean batched;
    /** For the only writer: the last sequence applied to each entry, by collection, document and entry. */
    private final Map<String, Long> applied;
    /** For the only writer: each document's merged update, by collection then document id. */
    private final Map<String, Map<String, Merged>> merged = new LinkedHashMap<>();
    /** For a batching writer beside others: the updates to write one by one on flush. */
    private final List<Runnable> pending = new ArrayList<>();
    /**
     * For the only writer of a copied generation: the first update of a document reads the
     * sequences of all the entries the copy holds in it, once ({@link #loaded}).
     */
    private final boolean copied;
    /** The documents whose copied entries' sequences are in {@link #applied}, as collection and id. */
    private final Set<String> loaded = new HashSet<>();

    EntryWrites(MongoTemplate mongo, String prefix, boolean batched, boolean onlyWriter, boolean copied) {
        this.mongo = mongo;
        this.prefix = prefix;
        this.batched = batched;
        this.applied = onlyWriter ? new HashMap<>() : null;
        this.copied = copied;
    }

    /**
     * The writes kept since the last flush, moved into a new instance whose {@link #flush()} writes
     * them (and only them); this one keeps its sequences and starts afresh. See
     * {@link ProjectionStore#takeFlush()}.
     */
    EntryWrites take() {
        EntryWrites taken = new EntryWrites(mongo, prefix, batched, false, false);
        taken.merged.putAll(merged);
        taken.pending.addAll(pending);
        merged.clear();
        pending.clear();
        return taken;
    }

    /** The {@code $set} and {@code $inc} of one entry, by field. */
    record EntryUpdate(Map<String, Object> set, Map<String, Number> inc) {
    }

    void apply(String collection, String documentId, String entry, long sequence, EntryUpdate update) {
        if (applied != null) {
            String documentKey = collection + '\u0000' + documentId;
            if (copied && loaded.add(documentKey)) {
                loadCopiedSequences(collection, documentId, documentKey);
            }
            String key = documentKey + '\u0000' + entry;
            Long last = applied.get(key);
            if (last != null && last >= sequence) {
                return;
            }
            applied.put(key, sequence);
            Merged document = merged.computeIfAbsent(collection, c -> new LinkedHashMap<>())
                    .computeIfAbsent(documentId, d -> new Merged());
            if (last == null) {
                document.create(entry);
            }
            document.add(entry, sequence, update);
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
            // ordered: a document's first update may insert it, and its next ones must then find it
            BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.ORDERED, prefix + byCollection.getKey());
            byCollection.getValue().forEach((id, update) -> update.updates()
                    .forEach(part -> bulk.upsert(Query.query(Criteria.where("_id").is(id)), part)));
            bulk.execute();
        }
        merged.clear();
    }

    private void writeIfNewer(String collection, String documentId, String entry, long sequence, EntryUpdate update) {
        Merged one = new Merged();
        one.add(entry, sequence, update);
        Update written = one.updates().get(0);
        Query newer = Query.query(Criteria.where("_id").is(documentId).and(entry + "." + SEQ).not().gte(sequence));
        for (int attempt = 1; ; attempt++) {
            try {
                mongo.upsert(newer, written, prefix + collection);
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
        Long stored = storedSequence(collection, documentId, entry);
        return stored != null && stored >= sequence;
    }

    /**
     * Puts the sequence of every entry the copied document holds into {@link #applied}: each
     * sub-document (at any depth) with a numeric {@value #SEQ} is an entry, named by its path. Read
     * before this writer's first update of the document, so no write of its own races the read.
     */
    private void loadCopiedSequences(String collection, String documentId, String documentKey) {
        Document document = mongo.getCollection(prefix + collection).find(new Document("_id", documentId)).first();
        if (document != null) {
            collectSequences(document, "", documentKey);
        }
    }

    private void collectSequences(Document document, String path, String documentKey) {
        document.forEach((field, value) -> {
            if (value instanceof Document inner) {
                String entry = path.isEmpty() ? field : path + "." + field;
                if (inner.get(SEQ) instanceof Number seq) {
                    applied.put(documentKey + '\u0000' + entry, seq.longValue());
                } else {
                    collectSequences(inner, entry, documentKey);
                }
            }
        });
    }

    /** The sequence an entry holds in the database, or null if the entry (or its document) is not there. */
    private Long storedSequence(String collection, String documentId, String entry) {
        Document document = mongo.getCollection(prefix + collection).find(new Document("_id", documentId))
                .projection(new Document(entry + "." + SEQ, 1)).first();
        Object current = document;
        for (String part : (entry + "." + SEQ).split("\\.")) {
            current = current instanceof Document d ? d.get(part) : null;
        }
        return current instanceof Number seq ? seq.longValue() : null;
    }

    /**
     * One document's updates merged in order: a later {@code $set} wins; an {@code $inc} adds to a
     * value set before it. An entry first written in this batch is set whole (one path, however
     * many fields), others field by field; the paths are sent in updates of at most
     * {@value #PATHS_PER_UPDATE}. Each update of a document costs the server work in proportion to
     * the whole document (mongo-java-server sizes it, clones it and compares old and new; a
     * programme's figures document holds hundreds of entries) and to the square of its paths (it
     * checks every pair for a conflict): a 1,000,000-event rebuild ran at 25,056 events/s with 100
     * paths an update, 29,969 with 400, 31,906 with 1,000 and 28,756 with 3,000 (BENCHMARKS.md, "Rebuild").
     */
    private static final class Merged {

        private final Map<String, Document> created = new LinkedHashMap<>();
        private final Map<String, Object> set = new LinkedHashMap<>();
        private final Map<String, Number> inc = new LinkedHashMap<>();

        void create(String entry) {
            created.put(entry, new Document());
        }

        void add(String entry, long sequence, EntryUpdate update) {
            Document whole = created.get(entry);
            if (whole != null) {
                whole.putAll(update.set());
                update.inc().forEach((field, by) -> whole.put(field, sum(whole.get(field) instanceof Number n ? n : 0, by)));
                whole.put(SEQ, sequence);
                return;
            }
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

        List<Update> updates() {
            List<Update> updates = new ArrayList<>();
            Update[] current = {new Update()};
            int[] paths = {0};
            java.util.function.BiConsumer<String, java.util.function.Consumer<Update>> path = (name, write) -> {
                if (paths[0] == PATHS_PER_UPDATE) {
                    updates.add(current[0]);
                    current[0] = new Update();
                    paths[0] = 0;
                }
                write.accept(current[0]);
                paths[0]++;
            };
            created.forEach((entry, whole) -> path.accept(entry, u -> u.set(entry, whole)));
            set.forEach((name, value) -> path.accept(name, u -> u.set(name, value)));
            inc.forEach((name, by) -> path.accept(name, u -> u.inc(name, by)));
            updates.add(current[0]);
            updates.forEach(update -> update.set(VERSION, new ObjectId()));
            return updates;
        }
    }
}
