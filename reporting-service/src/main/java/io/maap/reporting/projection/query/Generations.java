package io.maap.reporting.projection.query;

import io.maap.reporting.projection.query.ProjectionStore;

import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

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
    /** How old the pointer the live consumers write by may be ({@link #activeForEvents()}), in nanoseconds. */
    private final long eventsMaxAge;
    private final LongSupplier nanoTime;
    /** When the pointer was last read for the live consumers ({@link System#nanoTime()} scale); 0: never. */
    private volatile long readForEventsAt;

    public Generations(MongoTemplate mongo) {
        this(mongo, Duration.ZERO, System::nanoTime);
    }

    @Autowired
    public Generations(MongoTemplate mongo, @Value("${maap.reporting.generation-pointer-max-age:250ms}") Duration eventsMaxAge) {
        this(mongo, eventsMaxAge, System::nanoTime);
    }

    Generations(MongoTemplate mongo, Duration eventsMaxAge, LongSupplier nanoTime) {
        if (eventsMaxAge.isNegative()) {
            throw new IllegalArgumentException("maap.reporting.generation-pointer-max-age must not be negative: " + eventsMaxAge);
        }
        this.mongo = mongo;
        this.eventsMaxAge = eventsMaxAge.toNanos();
        this.nanoTime = nanoTime;
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

    /**
     * The live generation for the live consumers' writes: the pointer as read at most
     * {@code maap.reporting.generation-pointer-max-age} ago (250 ms unless set; 0 reads it for
     * every event). Reading it for each event was a sixth of the case-return consumer's CPU and a
     * round trip per event (ADR 0018). A switch by another instance's rebuild is therefore followed
     * within that age: the events this instance applies meanwhile go to the generation replaced, as
     * do those it applies while that rebuild runs, which is why a rebuild runs with one instance
     * (docs/deployment.md, "Scaling"). This instance's own switch is followed at once.
     */
    public ProjectionStore activeForEvents() {
        long now = nanoTime.getAsLong();
        long readAt = readForEventsAt;
        if (readAt == 0 || now - readAt >= eventsMaxAge) {
            activeGeneration();
            readForEventsAt = now == 0 ? 1 : now;
        }
        return store(active);
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
        long previous = announced.getAndSet(generation);
        if (previous != generation) {
            if (previous < generation) {
                // Another instance switched and dropped it; what this one applied to it since (with a
                // pointer read before the switch) would stay behind as orphaned collections.
                store(previous).drop();
            }
            ProjectionStore live = store(generation);
            listeners.forEach(listener -> listener.accept(live));
        }
    }

    public ProjectionStore store(long generation) {
        return new ProjectionStore(mongo, "g" + generation + "_");
    }

    public synchronized void switchTo(long generation) {
        mongo.upsert(Query.query(Criteria.where("_id").is(ACTIVE)), new Update().set("generation", generation), STATE);
        seen(generation); // drops the generation replaced
    }
}
