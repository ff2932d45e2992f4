package io.maap.reporting.projection;

import com.mongodb.bulk.BulkWriteError;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.BulkOperationException;
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

    private final MongoTemplate mongo;
    private final String prefix;
    /** Updates waiting for {@link #flush()}, by collection, in the order given; null when writing at once. */
    private final Map<String, List<PendingUpdate>> pending;
    /**
     * For the only writer of a generation it filled from empty: the last sequence applied to each
     * document (by collection and id), so stale updates are dropped before they are sent; null otherwise.
     */
    private final Map<String, Map<String, Long>> applied;

    public ProjectionStore(MongoTemplate mongo, String prefix) {
        this(mongo, prefix, null, null);
    }

    private ProjectionStore(MongoTemplate mongo, String prefix, Map<String, List<PendingUpdate>> pending,
                            Map<String, Map<String, Long>> applied) {
        this.mongo = mongo;
        this.prefix = prefix;
        this.pending = pending;
        this.applied = applied;
    }

    private record PendingUpdate(String id, long sequence, Update update) {
    }

    /**
     * The same generation, keeping its updates until {@link #flush()}; safe beside other writers of
     * the generation (each update stays conditional on the document's last sequence). Not thread-safe.
     */
    public ProjectionStore batching() {
        return new ProjectionStore(mongo, prefix, new LinkedHashMap<>(), null);
    }

    /**
     * The same generation, for a writer that emptied it and is the only one to write it until it
     * is done (a rebuild, an "as at" view): keeps its updates until {@link #flush()} and remembers
     * each document's last sequence, so that an update at or below it is dropped before it is
     * sent and the others are written by {@code _id} alone, without reading the collection.
     * Memory grows with the number of documents. Not thread-safe.
     */
    public ProjectionStore batchingAsOnlyWriter() {
        return new ProjectionStore(mongo, prefix, new LinkedHashMap<>(), new HashMap<>());
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
        if (applied != null) {
            Map<String, Long> documents = applied.computeIfAbsent(collection, c -> new HashMap<>());
            Long last = documents.get(id);
            if (last != null && last >= sequence) {
                return;
            }
            documents.put(id, sequence);
        }
        if (pending != null) {
            pending.computeIfAbsent(collection, c -> new ArrayList<>()).add(new PendingUpdate(id, sequence, update));
            return;
        }
        try {
            mongo.upsert(newer(id, sequence), update, collection(collection));
        } catch (DuplicateKeyException alreadyApplied) {
            // applied before
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
        if (pending == null || pending.isEmpty()) {
            return 0;
        }
        int written = 0;
        for (Map.Entry<String, List<PendingUpdate>> entry : pending.entrySet()) {
            for (List<PendingUpdate> round : rounds(entry.getValue(), PendingUpdate::id)) {
                BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, collection(entry.getKey()));
                for (PendingUpdate update : round) {
                    bulk.upsert(applied != null ? Query.query(Criteria.where("_id").is(update.id()))
                            : newer(update.id(), update.sequence()), update.update());
                }
                try {
                    bulk.execute();
                } catch (BulkOperationException e) {
                    for (BulkWriteError error : e.getErrors()) {
                        if (error.getCode() != DUPLICATE_KEY) {
                            throw e;
                        }
                    }
                }
                written += round.size();
            }
        }
        pending.clear();
        return written;
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
    }
}
