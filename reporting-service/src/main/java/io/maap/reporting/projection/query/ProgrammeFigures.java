package io.maap.reporting.projection.query;

import com.mongodb.client.MongoCollection;
import org.bson.BsonBinaryReader;
import org.bson.BsonReader;
import org.bson.BsonString;
import org.bson.BsonType;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonTypeClassMap;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.configuration.CodecRegistry;
import org.bson.io.ByteBufferBsonInput;
import io.maap.reporting.audits.query.AuditsProjection;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One document per programme, kept up to date as events arrive, holding what its scorecard, its
 * board feed and its overdue list need: an entry per return request, finding and action (their
 * counted fields, copied from the update that changes the projection's own document, so both read
 * alike) and per audit. A programme's views then read one document by {@code _id} instead of
 * counting over whole collections. Each entry is written at most once per event, in order, live
 * and in an "as at" view continued from a checkpoint ({@link EntryWrites}); a rebuild, or a replay
 * from empty, writes them all at once from the documents when it has caught up
 * ({@link FiguresFromDocuments}).
 * <p>
 * A generation filled before these documents existed has none: {@link #kept} says whether this
 * generation has kept them from its first event (a rebuild, an "as at" view, or a live generation
 * that started empty); views read the projections' own collections otherwise.
 */
public final class ProgrammeFigures {

    public static final String COLLECTION = "programme_figures";
    public static final String RETURNS = "returns";
    public static final String FINDINGS = "findings";
    public static final String ACTIONS = "actions";
    public static final String AUDITS = "audits";
    private static final String MARKER = "#kept-from-start";
    /** Generations seen marked (a marked generation stays marked until dropped, and a dropped prefix is not reused live). */
    private static final Set<String> MARKED = ConcurrentHashMap.newKeySet();
    private static final BsonTypeClassMap BSON_TYPES = new BsonTypeClassMap();

    /** The fields of a return request its programme's views read. */
    public static final Set<String> RETURN_FIELDS = Set.of("auditId", "agency", "caseReference", "caseType", "status",
            "requestedOn", "dueDate", "reminderDate", "reminded", "awaitingAgency", "received", "nil",
            "firstWorkingDaysLate", "sentBackCount");
    public static final Set<String> FINDING_FIELDS = Set.of("auditId", "aspect", "kind", "agencies");
    public static final Set<String> ACTION_FIELDS = Set.of("auditId", "owningAgency", "open", "rag", "dueDate");
    /** The fields of an audit's entry: its id (the entry tells that the audit is the programme's). */
    public static final Set<String> AUDIT_FIELDS = Set.of("auditId");
    /** The fields each section keeps for its programme's views, by section. */
    private static final Map<String, Set<String>> SECTION_FIELDS = Map.of(RETURNS, RETURN_FIELDS, FINDINGS, FINDING_FIELDS,
            ACTIONS, ACTION_FIELDS, AUDITS, AUDIT_FIELDS);

    private ProgrammeFigures() {
    }

    /**
     * Copies what {@code update} (the projection's update of its own document) does to the given
     * fields into the entry of {@code id} in the programme's {@code section}. Only {@code $set} and
     * {@code $inc} of those fields are copied; any other operator on them is a mistake.
     * <p>
     * The update must be the one applied to the document of the same {@code id} in the section's
     * collection, the fields the section's own ({@link #RETURN_FIELDS}, ...), and the document must
     * name the programme ({@link #named}): a writer that fills a generation from empty writes the
     * entries from those documents instead ({@link FiguresFromDocuments}), and the two must agree.
     * An entry does not apply when the store keeps no figures as it goes.
     */
    public static void apply(ProjectionStore store, String programmeId, String section, String id, long sequence,
                             Update update, Set<String> fields) {
        if (programmeId == null || !store.keepsEntries()) {
            return;
        }
        Document operations = update.getUpdateObject();
        Map<String, Object> set = new LinkedHashMap<>();
        Map<String, Number> inc = new LinkedHashMap<>();
        operations.forEach((operator, value) -> ((Document) value).forEach((field, operand) -> {
            if (!fields.contains(field)) {
                return;
            }
            switch (operator) {
                case "$set" -> set.put(field, operand);
                case "$inc" -> inc.put(field, (Number) operand);
                default -> throw new IllegalArgumentException(operator + " of " + field + " cannot be kept in programme figures");
            }
        }));
        if (set.isEmpty() && inc.isEmpty()) {
            return;
        }
        store.applyToEntry(COLLECTION, programmeId, section, escape(id), sequence, new EntryWrites.EntryUpdate(set, inc));
    }

    /**
     * The update of a document that has an entry in its programme's figures, setting the programme
     * the event names (when it names one), so that the document names the programme its entry is
     * kept under, whichever event came first ({@link FiguresFromDocuments}).
     */
    public static Update named(Update update, String programmeId) {
        return programmeId == null ? update : update.set("programmeId", programmeId);
    }

    /** Records that this generation keeps programme figures from its first event (call while it is empty). */
    public static void keptFromStart(ProjectionStore store) {
        store.mongo().save(new Document("_id", MARKER), store.collection(COLLECTION));
    }

    /** Whether this generation has kept programme figures from its first event. */
    public static boolean kept(ProjectionStore store) {
        String key = store.mongo().getDb().getName() + "." + store.prefix();
        if (MARKED.contains(key)) {
            return true;
        }
        boolean marked = store.mongo().findById(MARKER, Document.class, store.collection(COLLECTION)) != null;
        if (marked && store.prefix().startsWith("g")) {
            MARKED.add(key);
        }
        return marked;
    }

    /** Whether a document id is the generation's marker rather than a programme. */
    static boolean isMarker(String id) {
        return MARKER.equals(id);
    }

    /** Forgets what was seen of a generation's marker (its collections were dropped). */
    static void forget(String database, String prefix) {
        MARKED.remove(database + "." + prefix);
    }

    /** The programme's document, or an empty one. */
    public static Document of(ProjectionStore store, String programmeId) {
        Document document = store.mongo().findById(programmeId, Document.class, store.collection(COLLECTION));
        return document == null ? new Document() : document;
    }

    /**
     * The version of the programme's document ({@link EntryWrites#VERSION}), read alone by
     * {@code _id}: a new one after every write of the document; null without a document, or for
     * one not written since versions were kept.
     */
    public static Object version(ProjectionStore store, String programmeId) {
        Document document = store.mongo().getCollection(store.collection(COLLECTION)).find(new Document("_id", programmeId))
                .projection(new Document(EntryWrites.VERSION, 1)).first();
        return document == null ? null : document.get(EntryWrites.VERSION);
    }

    /**
     * A programme's document as its views read it: each section's entries, with its id as
     * {@code _id} and only the fields the section keeps for its views ({@link #RETURN_FIELDS}, ...),
     * decoded straight from the BSON the server sent (the entries' {@code seq}, the version and
     * anything else are skipped). Computing a view starts with this read of some 450 return
     * requests' entries; decoding them into a {@link Document} and copying each entry took as long
     * as the read itself (ADR 0022).
     */
    public static Read read(ProjectionStore store, String programmeId) {
        MongoCollection<RawBsonDocument> collection = store.mongo().getCollection(store.collection(COLLECTION))
                .withDocumentClass(RawBsonDocument.class);
        RawBsonDocument raw = collection.find(new Document("_id", programmeId)).first();
        return raw == null ? new Read(Map.of(), null) : decoded(raw, collection.getCodecRegistry());
    }

    /**
     * Every programme's document in the generation as {@link #read} reads one, one after the other
     * in a single query, each given to {@code each} with the programme's id: what a view of every
     * programme at once counts, instead of asking MongoDB to count every return request, finding
     * and action (ADR 0020).
     */
    public static void readAll(ProjectionStore store, BiConsumer<String, Read> each) {
        readAll(store, new Document(), each);
    }

    /** As {@link #readAll(ProjectionStore, BiConsumer)}, the documents of these programmes only. */
    public static void readAll(ProjectionStore store, Collection<String> programmeIds, BiConsumer<String, Read> each) {
        if (!programmeIds.isEmpty()) {
            readAll(store, new Document("_id", new Document("$in", List.copyOf(programmeIds))), each);
        }
    }

    private static void readAll(ProjectionStore store, Document filter, BiConsumer<String, Read> each) {
        MongoCollection<RawBsonDocument> collection = store.mongo().getCollection(store.collection(COLLECTION))
                .withDocumentClass(RawBsonDocument.class);
        for (RawBsonDocument raw : collection.find(filter).batchSize(100)) {
            if (raw.get("_id") instanceof BsonString id && !isMarker(id.getValue())) {
                each.accept(id.getValue(), decoded(raw, collection.getCodecRegistry()));
            }
        }
    }

    /**
     * Every programme's version ({@link #version}; null for a document without one), by id, read
     * with nothing else of the documents: what tells a reader of every programme which documents
     * changed since it last read them.
     */
    public static Map<String, Object> versions(ProjectionStore store) {
        Map<String, Object> versions = new LinkedHashMap<>();
        for (Document document : store.mongo().getCollection(store.collection(COLLECTION)).find()
                .projection(new Document(EntryWrites.VERSION, 1)).batchSize(1000)) {
            if (document.get("_id") instanceof String id && !isMarker(id)) {
                versions.put(id, document.get(EntryWrites.VERSION));
            }
        }
        return versions;
    }

    private static Read decoded(RawBsonDocument raw, CodecRegistry registry) {
        Map<String, List<Document>> sections = new HashMap<>();
        Object version = null;
        try (BsonBinaryReader reader = new BsonBinaryReader(new ByteBufferBsonInput(raw.getByteBuffer()))) {
            reader.readStartDocument();
            while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
                String name = reader.readName();
                Set<String> fields = SECTION_FIELDS.get(name);
                if (EntryWrites.VERSION.equals(name)) {
                    version = value(reader, registry);
                } else if (fields == null || reader.getCurrentBsonType() != BsonType.DOCUMENT) {
                    reader.skipValue();
                } else {
                    sections.put(name, entries(reader, fields, registry));
                }
            }
            reader.readEndDocument();
        }
        return new Read(sections, version);
    }

    /**
     * A programme's sections as its views read them ({@link #read}): the entries of each, by
     * section, and the document's version as read with them (null without one).
     */
    public record Read(Map<String, List<Document>> sections, Object version) {

        /** A section's entries, each with its id as {@code _id}, in the document's order. */
        public List<Document> entries(String section) {
            return sections.getOrDefault(section, List.of());
        }

        /** A section's ids. */
        public List<String> ids(String section) {
            return entries(section).stream().map(entry -> entry.getString("_id")).toList();
        }
    }

    private static List<Document> entries(BsonReader reader, Set<String> fields, CodecRegistry registry) {
        List<Document> entries = new ArrayList<>();
        reader.readStartDocument();
        while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
            String id = unescape(reader.readName());
            if (reader.getCurrentBsonType() != BsonType.DOCUMENT) {
                reader.skipValue();
                continue;
            }
            Document entry = new Document();
            reader.readStartDocument();
            while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
                String field = reader.readName();
                if (fields.contains(field)) {
                    entry.put(field, value(reader, registry));
                } else {
                    reader.skipValue();
                }
            }
            reader.readEndDocument();
            entry.put("_id", id);
            entries.add(entry);
        }
        reader.readEndDocument();
        return entries;
    }

    /** The value at the reader, as the driver decodes it into a {@link Document} (the usual types without a codec look-up). */
    private static Object value(BsonReader reader, CodecRegistry registry) {
        BsonType type = reader.getCurrentBsonType();
        switch (type) {
            case STRING:
                return reader.readString();
            case BOOLEAN:
                return reader.readBoolean();
            case INT32:
                return reader.readInt32();
            case INT64:
                return reader.readInt64();
            case DOUBLE:
                return reader.readDouble();
            case NULL:
                reader.readNull();
                return null;
            case ARRAY:
                List<Object> values = new ArrayList<>();
                reader.readStartArray();
                while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
                    values.add(value(reader, registry));
                }
                reader.readEndArray();
                return values;
            default:
                return registry.get(BSON_TYPES.get(type)).decode(reader, DecoderContext.builder().build());
        }
    }

    /** The documents of the programme's audits, read by {@code _id} (an index look-up on MongoDB and mongo-java-server alike). */
    public static List<Document> audits(ProjectionStore store, Document programme) {
        return audits(store, entries(programme, AUDITS).stream().map(entry -> entry.getString("_id")).toList());
    }

    /** The documents of the audits of these ids, read by {@code _id}. */
    public static List<Document> audits(ProjectionStore store, List<String> ids) {
        return ids.isEmpty() ? List.of() : store.mongo().find(Query.query(Criteria.where("_id").in(ids)), Document.class,
                store.collection(AuditsProjection.AUDITS));
    }

    /** A section's entries, each with its id as {@code _id}. */
    public static List<Document> entries(Document programme, String section) {
        Document entries = programme.get(section, Document.class);
        List<Document> list = new ArrayList<>();
        if (entries != null) {
            entries.forEach((key, value) -> {
                Document entry = new Document((Document) value);
                entry.put("_id", unescape(key));
                list.add(entry);
            });
        }
        return list;
    }

    /** An id as a field name: no dots, no leading dollar. */
    static String escape(String id) {
        return id.replace("%", "%25").replace(".", "%2E").replace("$", "%24");
    }

    static String unescape(String key) {
        return key.replace("%24", "$").replace("%2E", ".").replace("%25", "%");
    }
}
