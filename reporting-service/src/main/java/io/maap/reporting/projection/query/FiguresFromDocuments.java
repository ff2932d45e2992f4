package io.maap.reporting.projection.query;

import io.maap.reporting.audits.query.AuditsProjection;
import io.maap.reporting.learning.query.LearningProjection;
import io.maap.reporting.projection.messaging.WriteBehind;
import io.maap.reporting.returns.query.ReturnsProjection;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import org.bson.Document;
import org.bson.types.ObjectId;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Every programme's figures document ({@link ProgrammeFigures}) written at once from the
 * documents of a generation its only writer has filled from empty, instead of entry by entry as
 * the events were applied: an entry is what the events' updates copied into it from its own
 * document, so it is that document's fields that the section keeps, and its sequence is the
 * document's last ({@link ProjectionStore#LAST_SEQUENCE}): every event at or below it has been
 * applied, so a later write of the entry skips exactly what a write of the document skips.
 * <p>
 * Each section is one pass over its collection, sorted by programme (the field the views filter
 * on, indexed in every generation, {@link ReadModelIndexes}), so that only one programme's section
 * is held at a time; each programme's section is set in its document whole, the return requests'
 * last, since each set rewrites the document (ADR 0020), and each write runs while the next
 * programmes are read ({@link WriteBehind}).
 */
final class FiguresFromDocuments {

    /** The programmes whose sections one bulk write sets. */
    private static final int PROGRAMMES_PER_WRITE = 16;

    /**
     * Where a section's entries come from: a collection's documents, each entry the section's
     * fields of one document, and the document's {@code _id} under {@code idField} when the
     * document does not hold it (an audit's entry is its id).
     */
    private record Source(String section, String collection, Set<String> fields, String idField) {
    }

    private static final List<Source> SOURCES = List.of(
            new Source(ProgrammeFigures.AUDITS, AuditsProjection.AUDITS, ProgrammeFigures.AUDIT_FIELDS, "auditId"),
            new Source(ProgrammeFigures.FINDINGS, LearningProjection.FINDINGS, ProgrammeFigures.FINDING_FIELDS, null),
            new Source(ProgrammeFigures.ACTIONS, LearningProjection.ACTIONS, ProgrammeFigures.ACTION_FIELDS, null),
            new Source(ProgrammeFigures.RETURNS, ReturnsProjection.RETURNS, ProgrammeFigures.RETURN_FIELDS, null));

    private FiguresFromDocuments() {
    }

    /**
     * Writes every programme's figures from the generation's documents (all of its writes must have run).
     *
     * @return the number of programmes written
     */
    static int write(ProjectionStore store) {
        MongoCollection<Document> figures = store.mongo().getCollection(store.collection(ProgrammeFigures.COLLECTION));
        Set<String> programmes = new HashSet<>();
        try (WriteBehind writes = new WriteBehind("figures-from-documents")) {
            for (Source source : SOURCES) {
                programmes.addAll(write(store, source, figures, writes));
            }
            writes.awaitAll();
        }
        return programmes.size();
    }

    /**
     * One section of every programme's document: the programmes written. Each bulk write runs on
     * {@code writes}' thread while the next programmes' documents are read, in order.
     */
    private static Set<String> write(ProjectionStore store, Source source, MongoCollection<Document> figures,
                                     WriteBehind behind) {
        Document projection = new Document("programmeId", 1).append(ProjectionStore.LAST_SEQUENCE, 1);
        source.fields().forEach(field -> projection.put(field, 1));
        List<UpdateOneModel<Document>> writes = new ArrayList<>();
        Set<String> done = new HashSet<>();
        String programme = null;
        Document section = new Document();
        for (Document document : store.mongo().getCollection(store.collection(source.collection()))
                .find().projection(projection).sort(new Document("programmeId", 1)).batchSize(1_000)) {
            if (!(document.get("programmeId") instanceof String programmeId)) {
                continue; // no event named its programme: no entry was kept for it either
            }
            if (!programmeId.equals(programme)) {
                if (programme != null) {
                    writes.add(set(programme, source.section(), section));
                    section = new Document();
                    if (writes.size() == PROGRAMMES_PER_WRITE) {
                        write(figures, writes, behind);
                    }
                }
                if (!done.add(programmeId)) {
                    throw new IllegalStateException(source.collection() + " was not read in programme order: " + programmeId
                            + " came again after another programme");
                }
                programme = programmeId;
            }
            section.put(ProgrammeFigures.escape(String.valueOf(document.get("_id"))), entry(document, source));
        }
        if (programme != null) {
            writes.add(set(programme, source.section(), section));
        }
        if (!writes.isEmpty()) {
            write(figures, writes, behind);
        }
        return done;
    }

    /** Hands the writes on to {@code behind} and empties the list. */
    private static void write(MongoCollection<Document> figures, List<UpdateOneModel<Document>> writes, WriteBehind behind) {
        List<UpdateOneModel<Document>> batch = List.copyOf(writes);
        writes.clear();
        behind.submit(() -> figures.bulkWrite(batch, new BulkWriteOptions().ordered(false)));
    }

    /** The section's fields of a document, as its entry holds them, and the document's last sequence. */
    private static Document entry(Document document, Source source) {
        Document entry = new Document();
        source.fields().forEach(field -> {
            if (document.containsKey(field)) {
                entry.put(field, document.get(field));
            }
        });
        if (source.idField() != null) {
            entry.put(source.idField(), document.get("_id"));
        }
        entry.put(EntryWrites.SEQ, document.get(ProjectionStore.LAST_SEQUENCE));
        return entry;
    }

    private static UpdateOneModel<Document> set(String programmeId, String section, Document entries) {
        return new UpdateOneModel<>(new Document("_id", programmeId),
                new Document("$set", new Document(section, entries).append(EntryWrites.VERSION, new ObjectId())),
                new UpdateOptions().upsert(true));
    }
}
