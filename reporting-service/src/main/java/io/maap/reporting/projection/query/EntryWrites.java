package io.maap.reporting.projection.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.dao.DuplicateKeyException;
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
import java.util.function.UnaryOperator;

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
 * For the only writer of a generation: the entries' sequences are kept in memory, and a flush
 * merges each document's updates, applies them to the document as read and writes it back whole
 * ({@link #writeWhole}).
 * <p>
 * Every write that changes a document also sets its {@value #VERSION} to a new {@link ObjectId}
 * (unique across writers, instances and a dropped generation filled again), so a reader can tell
 * by that one field whether the document changed since it last read it ({@link ProgrammeViewCache});
 * a write that matches nothing (applied before) leaves it as it was.
 */
final class EntryWrites {

    /** The field every write of a shared document sets anew. */
    static final String VERSION = "version";
    static final String SEQ = "seq";
    private static final int MAX_ATTEMPTS = 20;
    /**
     * About the most entries' sequences one read of a copy's documents asks for: mongo-java-server
     * checks every pair of a projection's paths for a conflict, which with 1,000 was most of the
     * server's work for those reads in a first "as at" view at a million events.
     */
    private static final int PATHS_PER_READ = 100;
    /** The documents the only writer reads, updates and writes back whole at a time (each a programme's figures, hundreds of entries). */
    static final int DOCUMENTS_PER_WRITE = 16;

    private final MongoTemplate mongo;
    private final String prefix;
    private final boolean batched;
    /**
     * For the only writer: the last sequence applied to each entry, by where the entries are, then
     * entry key. The keys are the ids the events carry, the very strings the projections' own
     * documents' sequences are kept under ({@link ProjectionStore}): a rebuild keeps one for every
     * return request, finding and action in the log, and a key built per entry (its collection,
     * document and path) was some 30 MB of a rebuild's heap at a million events (BENCHMARKS.md).
     */
    private final Map<Section, Map<String, Long>> applied;
    /** For the only writer: each document's merged update, by collection then document id. */
    private final Map<String, Map<String, Merged>> merged = new LinkedHashMap<>();
    /** For a batching writer beside others: the updates to write one by one on flush. */
    private final List<Runnable> pending = new ArrayList<>();
    /**
     * For the only writer of a copied generation: an update of an entry whose sequence in the copy
     * is not known yet waits ({@link #deferred}) until the next {@link #take()} or {@link #flush()}
     * reads the sequences of all such entries, a few queries for the whole batch, each projected to
     * just those entries' sequences ({@link #readCopiedSequences()}).
     */
    private final boolean copied;
    /** Updates of entries whose copied sequence is not read yet, in the order applied. */
    private final List<Deferred> deferred = new ArrayList<>();
    /** Entries read from the copy and found not there, by where they are. */
    private final Map<Section, Set<String>> absent = new HashMap<>();
    /** False for an only writer that writes the entries from the documents once it is done ({@link FiguresFromDocuments}): it keeps none. */
    private final boolean kept;

    EntryWrites(MongoTemplate mongo, String prefix, boolean batched, boolean onlyWriter, boolean copied) {
        this(mongo, prefix, batched, onlyWriter, copied, true);
    }

    private EntryWrites(MongoTemplate mongo, String prefix, boolean batched, boolean onlyWriter, boolean copied, boolean kept) {
        this.mongo = mongo;
        this.prefix = prefix;
        this.batched = batched;
        this.applied = onlyWriter ? new HashMap<>() : null;
        this.copied = copied;
        this.kept = kept;
    }

    /** Writes that keep no entry: an only writer's that writes them from the documents once it is done. */
    static EntryWrites notKept(MongoTemplate mongo, String prefix) {
        return new EntryWrites(mongo, prefix, true, false, false, false);
    }

    /** Whether updates of entries are kept (false: {@link #notKept}). */
    boolean kept() {
        return kept;
    }

    /**
     * The writes kept since the last flush, moved into a new instance whose {@link #flush()} writes
     * them (and only them); this one keeps its sequences and starts afresh. See
     * {@link ProjectionStore#takeFlush()}.
     */
    EntryWrites take() {
        readCopiedSequences();
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

    /** Where entries are: a section (a field holding entries by key) of a document of a collection. */
    private record Section(String collection, String documentId, String name) {
    }

    /** An update of an entry waiting for the entry's copied sequence to be read. */
    private record Deferred(Section section, String key, long sequence, EntryUpdate update) {
    }

    /**
     * Applies an update to the entry {@code key} (a field name: no dots, no leading dollar) of the
     * section {@code section} of a document, at most once and in order.
     */
    void apply(String collection, String documentId, String section, String key, long sequence, EntryUpdate update) {
        if (!kept) {
            return;
        }
        if (applied != null) {
            apply(new Section(collection, documentId, section), key, sequence, update);
        } else if (batched) {
            pending.add(() -> writeIfNewer(collection, documentId, section, key, sequence, update));
        } else {
            writeIfNewer(collection, documentId, section, key, sequence, update);
        }
    }

    private void apply(Section section, String key, long sequence, EntryUpdate update) {
        Map<String, Long> sequences = applied.computeIfAbsent(section, s -> new HashMap<>());
        if (copied && !sequences.containsKey(key) && !absent.getOrDefault(section, Set.of()).contains(key)) {
            // later updates of the entry in this batch wait too, behind it
            deferred.add(new Deferred(section, key, sequence, update));
            return;
        }
        Long last = sequences.get(key);
        if (last != null && last >= sequence) {
            return;
        }
        sequences.put(key, sequence);
        merged.computeIfAbsent(section.collection(), c -> new LinkedHashMap<>())
                .computeIfAbsent(section.documentId(), d -> new Merged())
                .add(section.name(), key, sequence, update, last == null);
    }

    void flush() {
        readCopiedSequences();
        pending.forEach(Runnable::run);
        pending.clear();
        merged.forEach(this::writeWhole);
        merged.clear();
    }

    /**
     * The only writer's merged updates of a collection's documents, a few documents at a time:
     * each document read as it stands, the updates applied to it here, and the document written
     * back whole (inserted where it was not there). Sent as {@code $set}s and {@code $inc}s
     * instead, an update of a programme's figures document named some 750 paths in a rebuild of a
     * log in time order, and mongo-java-server checks every pair of an update's paths for a
     * conflict and walks the document once per path: 20 ms a document, two thirds of the rebuild's
     * time at a million events (BENCHMARKS.md). Nothing else writes the generation meanwhile, and
     * this store's earlier writes have all run, so what is read is what this writer last wrote.
     */
    private void writeWhole(String collection, Map<String, Merged> documents) {
        MongoCollection<Document> target = mongo.getCollection(prefix + collection);
        List<String> ids = List.copyOf(documents.keySet());
        for (int from = 0; from < ids.size(); from += DOCUMENTS_PER_WRITE) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + DOCUMENTS_PER_WRITE));
            Map<String, Document> current = new HashMap<>();
            for (Document document : target.find(new Document("_id", new Document("$in", chunk)))) {
                current.put(String.valueOf(document.get("_id")), document);
            }
            List<ReplaceOneModel<Document>> writes = new ArrayList<>();
            for (String id : chunk) {
                Document document = current.getOrDefault(id, new Document("_id", id));
                documents.get(id).applyTo(document, mongo.getConverter()::convertToMongoType);
                document.put(VERSION, new ObjectId());
                writes.add(new ReplaceOneModel<>(new Document("_id", id), document, new ReplaceOptions().upsert(true)));
            }
            target.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        }
    }

    private void writeIfNewer(String collection, String documentId, String section, String key, long sequence, EntryUpdate update) {
        Merged one = new Merged();
        one.add(section, key, sequence, update, false);
        Update written = one.update();
        String entry = section + "." + key;
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
     * Reads the copied sequences of the entries the deferred updates touch, then applies those
     * updates in order. Each query asks for a few documents' entries by {@code _id}, projected to
     * those entries' {@value #SEQ} alone: a programme's figures document holds hundreds of entries
     * or more, and reading it whole on first touch was half of a first "as at" view's replay at a
     * million events (BENCHMARKS.md). Only entries this writer has not written are read, so no
     * write of its own, even one still running behind it, races the read.
     */
    private void readCopiedSequences() {
        if (deferred.isEmpty()) {
            return;
        }
        Map<String, Map<String, Set<String>>> wanted = new LinkedHashMap<>();
        deferred.forEach(update -> wanted.computeIfAbsent(update.section().collection(), c -> new LinkedHashMap<>())
                .computeIfAbsent(update.section().documentId(), d -> new HashSet<>())
                .add(update.section().name() + "." + update.key()));
        wanted.forEach((collection, documents) -> {
            Map<String, Set<String>> chunk = new LinkedHashMap<>();
            int paths = 0;
            for (Map.Entry<String, Set<String>> document : documents.entrySet()) {
                chunk.put(document.getKey(), document.getValue());
                paths += document.getValue().size();
                if (paths >= PATHS_PER_READ) {
                    readSequences(collection, chunk);
                    chunk.clear();
                    paths = 0;
                }
            }
            if (!chunk.isEmpty()) {
                readSequences(collection, chunk);
            }
        });
        List<Deferred> waiting = List.copyOf(deferred);
        deferred.clear();
        waiting.forEach(update -> apply(update.section(), update.key(), update.sequence(), update.update()));
    }

    /** One query: the documents' given entries' sequences into {@link #applied}, the entries not there into {@link #absent}. */
    private void readSequences(String collection, Map<String, Set<String>> entriesByDocument) {
        Document projection = new Document();
        entriesByDocument.values().forEach(entries -> entries.forEach(entry -> projection.put(entry + "." + SEQ, 1)));
        Map<String, Document> found = new HashMap<>();
        for (Document document : mongo.getCollection(prefix + collection)
                .find(new Document("_id", new Document("$in", List.copyOf(entriesByDocument.keySet())))).projection(projection)) {
            found.put(String.valueOf(document.get("_id")), document);
        }
        entriesByDocument.forEach((documentId, entries) -> entries.forEach(entry -> {
            Long sequence = sequenceAt(found.get(documentId), entry);
            int dot = entry.indexOf('.');
            Section section = new Section(collection, documentId, entry.substring(0, dot));
            String key = entry.substring(dot + 1);
            if (sequence == null) {
                absent.computeIfAbsent(section, s -> new HashSet<>()).add(key);
            } else {
                applied.computeIfAbsent(section, s -> new HashMap<>()).put(key, sequence);
            }
        }));
    }

    /** The {@value #SEQ} of the entry at a dotted path in a document (or null if either is missing). */
    private static Long sequenceAt(Document document, String entry) {
        Object current = document;
        for (String part : (entry + "." + SEQ).split("\\.")) {
            current = current instanceof Document d ? d.get(part) : null;
        }
        return current instanceof Number seq ? seq.longValue() : null;
    }

    /** The sequence an entry holds in the database, or null if the entry (or its document) is not there. */
    private Long storedSequence(String collection, String documentId, String entry) {
        return sequenceAt(mongo.getCollection(prefix + collection).find(new Document("_id", documentId))
                .projection(new Document(entry + "." + SEQ, 1)).first(), entry);
    }

    /**
     * One document's updates merged in order, entry by entry: a later {@code $set} wins; an
     * {@code $inc} adds to a value set before it. An entry first written in this batch is set
     * whole, others field by field. The only writer applies them to the document itself
     * ({@link #applyTo}); a single entry's update is sent as an update ({@link #update()}). Entries
     * are held by section and key and their fields by name (the projections' constants), so a
     * batch holds no string of its own per entry or field: a rebuild merges 100,000 events' worth
     * before writing (ADR 0020).
     */
    private static final class Merged {

        private final Map<String, Map<String, Change>> sections = new LinkedHashMap<>();

        void add(String section, String key, long sequence, EntryUpdate update, boolean creates) {
            sections.computeIfAbsent(section, s -> new LinkedHashMap<>())
                    .computeIfAbsent(key, k -> new Change(creates))
                    .add(sequence, update);
        }

        /**
         * Applies the merged updates to a document as MongoDB would apply them as one {@code $set}
         * and {@code $inc}: missing sections and entries made, a missing number incremented from
         * nothing; the values as the mapping layer writes them ({@code mongoType}).
         */
        void applyTo(Document document, UnaryOperator<Object> mongoType) {
            sections.forEach((name, entries) -> {
                Document section = child(document, name, document);
                entries.forEach((key, change) -> {
                    if (change.creates) {
                        section.put(key, mongoType.apply(change.whole()));
                        return;
                    }
                    Document entry = child(section, key, document);
                    change.set.forEach((field, value) -> entry.put(field, mongoType.apply(value)));
                    change.inc.forEach((field, by) -> {
                        Object now = entry.get(field);
                        if (now != null && !(now instanceof Number)) {
                            throw new IllegalStateException("Cannot add " + by + " to the non-numeric " + name + "." + key + "."
                                    + field + " of " + document.get("_id"));
                        }
                        entry.put(field, now == null ? by : sum((Number) now, by));
                    });
                    entry.put(SEQ, change.sequence);
                });
            });
        }

        /** The document under {@code field} of {@code parent}, made where missing. */
        private static Document child(Document parent, String field, Document document) {
            Object child = parent.get(field);
            if (child == null) {
                child = new Document();
                parent.put(field, child);
            } else if (!(child instanceof Document)) {
                throw new IllegalStateException("Cannot set inside the non-document " + field + " of " + document.get("_id"));
            }
            return (Document) child;
        }

        /** The merged updates as one update of the document, which also sets a new version. */
        Update update() {
            Update update = new Update();
            sections.forEach((name, entries) -> entries.forEach((key, change) -> {
                String entry = name + "." + key;
                if (change.creates) {
                    update.set(entry, change.whole());
                    return;
                }
                change.set.forEach((field, value) -> update.set(entry + "." + field, value));
                change.inc.forEach((field, by) -> update.inc(entry + "." + field, by));
                update.set(entry + "." + SEQ, change.sequence);
            }));
            return update.set(VERSION, new ObjectId());
        }
    }

    /** One entry's updates merged: set whole when the batch creates it, field by field otherwise. */
    private static final class Change {

        private final boolean creates;
        private final Map<String, Object> set = new LinkedHashMap<>();
        /** Increments of fields not set in this batch (none for an entry set whole: it starts from nothing). */
        private final Map<String, Number> inc = new LinkedHashMap<>();
        private long sequence;

        Change(boolean creates) {
            this.creates = creates;
        }

        void add(long sequence, EntryUpdate update) {
            update.set().forEach((field, value) -> {
                inc.remove(field);
                set.put(field, value);
            });
            update.inc().forEach((field, by) -> {
                if (creates || set.containsKey(field)) {
                    set.put(field, sum(set.get(field) instanceof Number n ? n : 0, by));
                } else {
                    inc.merge(field, by, EntryWrites::sum);
                }
            });
            this.sequence = sequence;
        }

        Document whole() {
            Document whole = new Document(set);
            whole.put(SEQ, sequence);
            return whole;
        }
    }

    /** As MongoDB adds: two 32-bit integers give one (the live path's {@code $inc} on an int keeps it an int). */
    private static Number sum(Number a, Number b) {
        return a instanceof Integer && b instanceof Integer ? (Number) (a.intValue() + b.intValue()) : (Number) (a.longValue() + b.longValue());
    }
}
