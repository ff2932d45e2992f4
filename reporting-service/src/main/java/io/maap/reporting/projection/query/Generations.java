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

    /**
     * The live generation as the database says now, not as this instance last knew it: a rebuild on
     * another instance of reporting-service switches the pointer (and drops the generation it
     * replaced), and an instance still writing to the old one would lose those events from the live
     * read model (the deployment check's scale-out phase found it; ADR 0018).
     */
    public ProjectionStore active() {
        return store(activeGeneration());
    }

    public long activeGeneration() {
        Document state = mongo.findById(ACTIVE, Document.class, STATE);
        if (state != null) {
            active = state.get("generation", Number.class).longValue();
        }
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
