package io.maap.reporting.projection.query;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.List;

/**
 * A generation moved (renamed, at no cost that grows with it) or copied whole into another, inside MongoDB: each collection by an aggregation
 * ending in {@code $out} (documents never travel to the service; mongo-java-server supports it
 * too), then given the indexes its kind has ({@link ReadModelIndexes}, and the sequence index),
 * which {@code $out} into a new collection does not carry over. Every collection of the prefix
 * is copied, so documents, programme figures and the generation's markers stay together, each
 * with the sequences it holds (ADR 0020), and writing on top of the copy stays exactly-once.
 */
final class GenerationCopy {

    private GenerationCopy() {
    }

    /**
     * Replaces {@code target}'s collections with {@code source}'s, renamed: {@code source} is left
     * with none. Indexes go with the collections.
     */
    static void move(ProjectionStore source, ProjectionStore target) {
        MongoTemplate mongo = source.mongo();
        target.drop();
        for (String name : collections(source)) {
            String kind = name.substring(source.prefix().length());
            mongo.getCollection(name).renameCollection(new com.mongodb.MongoNamespace(mongo.getDb().getName(), target.collection(kind)));
            target.index(kind);
        }
        source.drop();
    }

    private static List<String> collections(ProjectionStore store) {
        return store.mongo().getCollectionNames().stream().filter(name -> name.startsWith(store.prefix())).toList();
    }

    /** Replaces {@code target}'s collections with copies of {@code source}'s. */
    static void copy(ProjectionStore source, ProjectionStore target) {
        MongoTemplate mongo = source.mongo();
        target.drop();
        for (String name : collections(source)) {
            String kind = name.substring(source.prefix().length());
            mongo.getCollection(name).aggregate(List.of(new Document("$out", target.collection(kind))))
                    .allowDiskUse(true).toCollection();
            target.index(kind);
        }
    }
}
