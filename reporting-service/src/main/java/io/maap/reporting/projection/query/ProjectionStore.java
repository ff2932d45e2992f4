package io.maap.reporting.projection.query;

import io.maap.reporting.projection.query.ReadModelIndexes;

import com.mongodb.bulk.BulkWriteError;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * One generation of the read models: the live one, one being rebuilt, or one computed "as at"
 * a past instant. Its collections share a name prefix in the same MongoDB database.
 * <p>
 * A store writes each update at once, or, when obtained from {@link #batching()} or
 * {@link #batchingAsOnlyWriter()}, keeps the updates until {@link #flush()} sends them as bulk
 * writes, with the same outcome as writing them one by one in the order they were given.
 */
public final class ProjectionStore {

    static final String LAST_SEQUENCE = "lastSequence";
    private static final int DUPLICATE_KEY = 11000;
    private static final String SEQUENCE_INDEX = "id_lastSequence";
    /** Concurrent writers of one document, each changing it between another's read and write: many means a fault. */
    private static final int MAX_ATTEMPTS = 20;
    /** Collections known to have {@link #SEQUENCE_INDEX}, as database.collection (stores are short-lived; collections are not). */
    private static final Set<String> INDEXED = ConcurrentHashMap.newKeySet();

    private final MongoTemplate mongo;
    private final String prefix;
    /** Updates waiting for {@link #flush()}, by collection, in the order given; null when writing at once. */
    private final Map<String, List<PendingUpdate>> pending;
    /**
     * For the only writer of a generation it filled from empty: the last sequence applied to each
     * document (by collection and id), so stale updates are dropped before they are sent; null otherwise.
     */
    private final Map<String, Map<String, Long>> applied;
    /**
     * Entries inside shared documents ({@link ProgrammeFigures}), written in the same mode as the
     * documents, or kept by none until {@link #figuresFromDocuments()} writes them.
     */
    private EntryWrites entries;
    /** For the only writer of a copied generation: a document not in {@link #applied} yet has its last sequence read once. */
    private final boolean copied;

    public ProjectionStore(MongoTemplate mongo, String prefix) {
        this(mongo, prefix, null, null, false);
    }

    private ProjectionStore(MongoTemplate mongo, String prefix, Map<String, List<PendingUpdate>> pending,
                            Map<String, Map<String, Long>> applied, boolean copied) {
        this(mongo, prefix, pending, applied, copied, new EntryWrites(mongo, prefix, pending != null, applied != null, copied));
    }

    private ProjectionStore(MongoTemplate mongo, String prefix, Map<String, List<PendingUpdate>> pending,
                            Map<String, Map<String, Long>> applied, boolean copied, EntryWrites entries) {
        this.mongo = mongo;
        this.prefix = prefix;
        this.pending = pending;
        this.applied = applied;
        this.copied = copied;
        this.entries = entries;
    }

    /** @param creates whether the only writer knows the document is not there yet (its first update inserts it) */
    private record PendingUpdate(String id, long sequence, Update update, boolean creates) {
    }

    /**
     * The same generation, keeping its updates until {@link #flush()}; safe beside other writers of
     * the generation (each update stays conditional on the document's last sequence). Not thread-safe.
     */
    public ProjectionStore batching() {
        return new ProjectionStore(mongo, prefix, new LinkedHashMap<>(), null, false);
    }

    /**
     * The same generation, for a writer that emptied it and is the only one to write it until it
     * is done (a rebuild, an "as at" view): keeps its updates until {@link #flush()} and remembers
     * each document's last sequence, so that an update at or below it is dropped before it is
     * sent and the others are written by {@code _id} alone, without reading the collection.
     * Memory grows with the number of documents. The collections it writes get their indexes
     * only from {@link #indexWritten()}, which the writer calls when done and before anyone reads
     * the generation. Not thread-safe.
     */
    public ProjectionStore batchingAsOnlyWriter() {
        return new ProjectionStore(mongo, prefix, new LinkedHashMap<>(), new HashMap<>(), false);
    }

    /**
     * As {@link #batchingAsOnlyWriter()}, keeping no programme figures as the events are applied:
     * once its writes have all run, {@link #figuresFromDocuments()} writes every programme's
     * figures document from the documents written, and the store keeps them from then on. Kept
     * entry by entry, the figures were some 40% of a rebuild's time at a million events on a log
     * in time order, every write of them reading and writing every programme under way
     * (BENCHMARKS.md); written from the documents, each is written once.
     */
    public ProjectionStore batchingAsOnlyWriterFiguresLast() {
        return new ProjectionStore(mongo, prefix, new LinkedHashMap<>(), new HashMap<>(), false,
                EntryWrites.notKept(mongo, prefix));
    }

    /**
     * For a store from {@link #batchingAsOnlyWriterFiguresLast()} whose writes have all run
     * (flushed, or taken and run): writes every programme's figures document from the
     * generation's documents ({@link FiguresFromDocuments}; their indexes should be there, see
     * {@link #indexWritten()}), then keeps the figures from the next event on as the only writer of
     * a copy does, reading each entry's sequence before its first update.
     *
     * @return the number of programmes written
     */
    public int figuresFromDocuments() {
        if (applied == null || entries.kept()) {
            throw new IllegalStateException("Only an only writer that keeps no figures writes them from the documents");
        }
        if (!pending.isEmpty()) {
            throw new IllegalStateException("The figures are written from the documents once every write has run");
        }
        int programmes = FiguresFromDocuments.write(this);
        entries = new EntryWrites(mongo, prefix, true, true, true);
        return programmes;
    }

    /** Whether updates of entries inside shared documents are kept as events are applied ({@link ProgrammeFigures#apply}). */
    boolean keepsEntries() {
        return entries.kept();
    }

    /**
     * As {@link #batchingAsOnlyWriter()}, for a generation that started as a copy of another (an
     * "as at" view continued from a checkpoint, ADR 0023): the first update of a collection reads
     * the last sequence of every document the copy holds there, in one pass (and the entries of
     * shared documents it updates have their sequences read per batch, {@link EntryWrites}), so the copied
     * sequences keep re-applied events out exactly as in the generation copied. Memory grows with
     * the documents of the collections the new events touch, as a replay from empty's does; a
     * look-up per document touched cost a round trip each (35.9 s for a view a share of the log
     * after its checkpoint at 1,000,000 events, BENCHMARKS.md). Each read comes before any write of
     * this store to what it reads, so it never races one.
     */
    public ProjectionStore batchingAsOnlyWriterOfCopy() {
        return new ProjectionStore(mongo, prefix, new LinkedHashMap<>(), new HashMap<>(), true);
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
     * a sequence at or below it changes nothing. A batching store applies it on {@link #flush()}.
     */
    public void applyInOrder(String collection, String id, long sequence, Update update) {
        update.set(LAST_SEQUENCE, sequence);
        boolean creates = false;
        if (applied != null) {
            Map<String, Long> documents = applied.computeIfAbsent(collection, c -> copied ? copiedSequences(c) : new HashMap<>());
            Long last = documents.get(id);
            if (last != null && last >= sequence) {
                return;
            }
            documents.put(id, sequence);
            creates = last == null;
        }
        if (pending != null) {
            pending.computeIfAbsent(collection, c -> new ArrayList<>()).add(new PendingUpdate(id, sequence, update, creates));
            return;
        }
        writeIfNewer(collection(collection), id, sequence, update);
    }

    /** The last sequence of every document the copied generation holds in a collection, by id. */
    private Map<String, Long> copiedSequences(String collection) {
        Map<String, Long> sequences = new HashMap<>();
        for (Document document : mongo.getCollection(collection(collection)).find()
                .projection(new Document(LAST_SEQUENCE, 1)).batchSize(10_000)) {
            if (document.get(LAST_SEQUENCE) instanceof Number last) {
                sequences.put(String.valueOf(document.get("_id")), last.longValue());
            }
        }
        return sequences;
    }

    /**
     * Applies an event to one entry of a shared document at most once and never out of order, as
     * {@link #applyInOrder} does to a document (see {@link EntryWrites}). A batching store applies
     * it on {@link #flush()}, after the documents.
     */
    void applyToEntry(String collection, String documentId, String section, String key, long sequence,
                      EntryWrites.EntryUpdate update) {
        entries.apply(collection, documentId, section, key, sequence, update);
    }

    /**
     * One update, written only if the document has not yet seen {@code sequence}, as a
     * compare-and-set: read the document's last sequence by {@code _id}, then upsert on
     * {@code _id} and that exact last sequence ({@code null} for a document not there yet). A
     * concurrent writer that changed the document in between makes the upsert try to insert a
     * second document with the same {@code _id}; the duplicate key sends it round again. Both
     * steps are equality look-ups on a unique index, so neither reads the collection, on MongoDB
     * and on mongo-java-server alike (which uses an index only for a query on exactly its keys, so
     * a range on the last sequence would scan every document).
     */
    private void writeIfNewer(String collection, String id, long sequence, Update update) {
        ensureIndexed(collection);
        for (int attempt = 1; ; attempt++) {
            Document current = mongo.getCollection(collection).find(new Document("_id", id))
                    .projection(new Document(LAST_SEQUENCE, 1)).first();
            Object last = current == null ? null : current.get(LAST_SEQUENCE);
            if (last instanceof Number applied && applied.longValue() >= sequence) {
                return;
            }
            try {
                mongo.upsert(Query.query(Criteria.where("_id").is(id).and(LAST_SEQUENCE).is(last)), update, collection);
                return;
            } catch (DuplicateKeyException changedMeanwhile) {
                if (attempt == MAX_ATTEMPTS) {
                    throw changedMeanwhile;
                }
            }
        }
    }

    /**
     * For the only writer, when its writes have all run: gives every collection it wrote its
     * indexes. Its own writes go by {@code _id} alone, and nothing reads the generation before it
     * is done, so the indexes are built once over what it wrote instead of being kept up to date
     * through every write: the unique sequence index alone was a fifth of mongo-java-server's
     * work on a rebuild's updates at a million events (BENCHMARKS.md), and a real MongoDB too
     * builds an index over a filled collection faster than it maintains one write by write.
     */
    public void indexWritten() {
        if (applied == null) {
            throw new IllegalStateException("Only the only writer's store leaves its indexes until it is done");
        }
        applied.keySet().forEach(this::index);
    }

    /** Gives a collection of this generation its indexes now (a copied one: {@link GenerationCopy}). */
    void index(String name) {
        ensureIndexed(collection(name));
    }

    /**
     * The unique index on {@code (_id, lastSequence)} that {@link #writeIfNewer} looks documents up
     * by, and those on the fields the views filter on ({@link ReadModelIndexes}).
     */
    private void ensureIndexed(String collection) {
        String name = mongo.getDb().getName() + "." + collection;
        if (INDEXED.add(name)) {
            try {
                var indexes = mongo.indexOps(collection);
                indexes.createIndex(new Index().on("_id", Sort.Direction.ASC)
                        .on(LAST_SEQUENCE, Sort.Direction.ASC).unique().named(SEQUENCE_INDEX));
                String kind = collection.substring(prefix.length());
                for (String field : ReadModelIndexes.FIELDS.getOrDefault(kind, List.of())) {
                    indexes.createIndex(new Index().on(field, Sort.Direction.ASC).named(field));
                }
            } catch (RuntimeException e) {
                INDEXED.remove(name);
                throw e;
            }
        }
    }

    // Every document carries lastSequence, so "newer" is a plain range on it; a document that is
    // missing, or already at or past this sequence, doesn't match: the upsert then inserts it,
    // or fails on the duplicate _id, which means the event was applied before.
    private static Query newer(String id, long sequence) {
        return Query.query(Criteria.where("_id").is(id).and(LAST_SEQUENCE).lt(sequence));
    }

    /**
     * Writes the updates kept since the last flush, as few unordered bulk writes as per-document
     * order allows: the k-th update given for a document goes in the k-th bulk write of its
     * collection, so each document sees its updates in the order given, exactly as if they had
     * been written one by one, while different documents are written together. Duplicate-key
     * failures mean "applied before", as for a single write.
     *
     * @return the number of updates written (including those found applied before)
     */
    public int flush() {
        if (pending == null) {
            return 0;
        }
        int written = 0;
        for (Map.Entry<String, List<PendingUpdate>> entry : pending.entrySet()) {
            if (applied == null) {
                ensureIndexed(collection(entry.getKey()));
            }
            written += entry.getValue().size();
            // The only writer's updates are unconditional: each document's consecutive ones merge where they can.
            List<PendingUpdate> updates = applied == null ? entry.getValue() : UpdateMerging.consecutive(entry.getValue(),
                    PendingUpdate::id, PendingUpdate::update,
                    (earlier, later, merged) -> new PendingUpdate(later.id(), later.sequence(), merged, earlier.creates()));
            for (List<PendingUpdate> round : rounds(updates, PendingUpdate::id)) {
                writeRound(collection(entry.getKey()), round);
            }
        }
        pending.clear();
        entries.flush();
        return written;
    }

    /**
     * One round of a flush as one unordered bulk write. The only writer inserts a document it
     * knows is not there yet as its first update would make it ({@link UpdateMerging#inserted}):
     * the server then stores a document rather than working an update out on an empty one, which
     * on mongo-java-server was two thirds of a rebuild's upserts' cost. Its other updates are
     * upserts by {@code _id}; other writers' are conditional on the document's last sequence, and a
     * duplicate key means "applied before".
     */
    private void writeRound(String collection, List<PendingUpdate> round) {
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, collection);
        // by position in the bulk write: the update written as an insert there, or null for an upsert
        List<PendingUpdate> insertedAt = new ArrayList<>();
        for (PendingUpdate update : round) {
            Document inserted = update.creates() ? UpdateMerging.inserted(update.id(), update.update()) : null;
            if (inserted != null) {
                bulk.insert(mongo.getConverter().convertToMongoType(inserted));
                insertedAt.add(update);
            } else {
                bulk.upsert(applied != null ? Query.query(Criteria.where("_id").is(update.id()))
                        : newer(update.id(), update.sequence()), update.update());
                insertedAt.add(null);
            }
        }
        try {
            bulk.execute();
        } catch (BulkOperationException e) {
            for (BulkWriteError error : e.getErrors()) {
                if (error.getCode() != DUPLICATE_KEY) {
                    throw e;
                }
                PendingUpdate insert = insertedAt.get(error.getIndex());
                if (insert != null) {
                    // not applied before: the document was there after all, so the update is written as an update
                    mongo.upsert(Query.query(Criteria.where("_id").is(insert.id())), insert.update(), collection);
                }
            }
        }
    }

    /**
     * For a batching store: the updates kept since the last flush, taken out of it as one write to
     * run later, which writes them exactly as {@link #flush()} would have now; the store goes on
     * keeping new updates (and, for the only writer, remembering every document's last sequence,
     * so what it drops does not depend on when the writes run). Taken writes must run one at a
     * time, in the order taken, and a store's last one must have run before its generation is
     * read: what lets a rebuild write one poll's events while it reads and applies the next
     * ({@link io.maap.reporting.projection.messaging.WriteBehind}).
     */
    public Runnable takeFlush() {
        if (pending == null) {
            return () -> { };
        }
        // the taken store only writes: whether this one remembers sequences decides how (merged, by _id alone)
        ProjectionStore taken = new ProjectionStore(mongo, prefix, new LinkedHashMap<>(pending),
                applied == null ? null : Map.of(), false, entries.take());
        pending.clear();
        return taken::flush;
    }

    /** The updates split so that no round holds two for the same document, keeping each document's order. */
    static <T> List<List<T>> rounds(List<T> updates, Function<T, String> documentId) {
        List<List<T>> rounds = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (T update : updates) {
            int round = seen.merge(documentId.apply(update), 1, Integer::sum) - 1;
            if (round == rounds.size()) {
                rounds.add(new ArrayList<>());
            }
            rounds.get(round).add(update);
        }
        return rounds;
    }

    /** Drops every collection of this generation. */
    public void drop() {
        mongo.getCollectionNames().stream().filter(name -> name.startsWith(prefix)).forEach(mongo::dropCollection);
        String database = mongo.getDb().getName() + ".";
        INDEXED.removeIf(name -> name.startsWith(database + prefix));
        ProgrammeFigures.forget(mongo.getDb().getName(), prefix);
    }
}
