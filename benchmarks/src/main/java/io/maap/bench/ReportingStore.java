package io.maap.bench;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;

/**
 * Where reporting-service keeps its read models in MongoDB, for measurements and checks that read
 * them directly: each generation of read models is a set of collections {@code g<n>_<name>}, and
 * {@code projection_state} names the live generation (the first until a rebuild switches).
 */
public final class ReportingStore {

    private ReportingStore() {
    }

    /** The prefix of the live generation's collections, e.g. {@code g2_}. */
    public static String livePrefix(MongoDatabase mongo) {
        Document state = mongo.getCollection("projection_state").find(new Document("_id", "active")).first();
        return "g" + (state == null ? 1 : state.get("generation", Number.class).longValue()) + "_";
    }
}
