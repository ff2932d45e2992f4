package io.maap.reporting.projection.query;

import io.maap.reporting.projection.query.ProjectionStore;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

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
    private final List<Consumer<ProjectionStore>> listeners = new CopyOnWriteArrayList<>();
    /** The last generation the listeners were told of: each change is told once, whichever thread sees it first. */
    private final AtomicLong announced = new AtomicLong();

    public Generations(MongoTemplate mongo) {
        this.mongo = mongo;
        Document state = mongo.findById(ACTIVE, Document.class, STATE);
        this.active = state == null ? 1 : state.get("generation", Number.class).longValue();
        this.announced.set(active);
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
            seen(state.get("generation", Number.class).longValue());
        }
        return active;
    }

    /**
     * Calls {@code listener} with the live generation's store whenever this instance sees it
     * change: at its own switch, or at its next read of the pointer after another instance's.
     */
    public void onSwitch(Consumer<ProjectionStore> listener) {
        listeners.add(listener);
    }

    /** The live generation as this instance last saw it, without reading the pointer. */
    public long lastSeen() {
        return active;
    }

    private void seen(long generation) {
        active = generation;
        if (announced.getAndSet(generation) != generation) {
            ProjectionStore live = store(generation);
            listeners.forEach(listener -> listener.accept(live));
        }
    }

    public ProjectionStore store(long generation) {
        return new ProjectionStore(mongo, "g" + generation + "_");
    }

    public synchronized void switchTo(long generation) {
        mongo.upsert(Query.query(Criteria.where("_id").is(ACTIVE)), new Update().set("generation", generation), STATE);
        long previous = active;
        seen(generation);
        store(previous).drop();
    }
}
