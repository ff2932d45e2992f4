package io.maap.reporting.projection.query;

import io.maap.reporting.projection.query.ProjectionStore;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Which generation of the read models is live. A rebuild fills the next generation while the
 * live one keeps serving, then switches this pointer.
 */
@Component
public class Generations {

    static final String STATE = "projection_state";
    private static final String ACTIVE = "active";

    private final MongoTemplate mongo;
    private volatile long active;

    public Generations(MongoTemplate mongo) {
        this.mongo = mongo;
        Document state = mongo.findById(ACTIVE, Document.class, STATE);
        this.active = state == null ? 1 : state.get("generation", Number.class).longValue();
        ProjectionStore live = active();
        if (mongo.getCollectionNames().stream().noneMatch(name -> name.startsWith(live.prefix()))) {
            // Filled from its first event from here on: it keeps programme figures.
            ProgrammeFigures.keptFromStart(live);
        }
    }

    public ProjectionStore active() {
        return store(active);
    }

    public long activeGeneration() {
        return active;
    }

    public ProjectionStore store(long generation) {
        return new ProjectionStore(mongo, "g" + generation + "_");
    }

    public synchronized void switchTo(long generation) {
        mongo.upsert(Query.query(Criteria.where("_id").is(ACTIVE)), new Update().set("generation", generation), STATE);
        long previous = active;
        active = generation;
        store(previous).drop();
    }
}
