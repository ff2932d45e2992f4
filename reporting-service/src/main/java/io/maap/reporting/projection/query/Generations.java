package io.maap.reporting.projection.query;

import io.maap.reporting.projection.query.ProjectionStore;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which generation of the read models is live. A rebuild fills the next generation while the
 * live one keeps serving, then switches this pointer. The generation a switch replaced is dropped
 * {@code maap.reporting.replaced-generation-kept-for} after the switch is seen (10 s unless set; 0
 * drops it at once), so that a query or an event that read the pointer before the switch, here or
 * on another instance, still finds that generation whole.
 */
@Component
public class Generations {

    private static final Logger log = LoggerFactory.getLogger(Generations.class);

    static final String STATE = "projection_state";
    private static final String ACTIVE = "active";
    private static final Pattern GENERATION = Pattern.compile("g(\\d+)_.*");

    private final MongoTemplate mongo;
    private volatile long active;
    private final List<Consumer<ProjectionStore>> listeners = new CopyOnWriteArrayList<>();
    /** The last generation the listeners were told of: each change is told once, whichever thread sees it first. */
    private final AtomicLong announced = new AtomicLong();
    /** How old the pointer the live consumers write by and queries read by may be ({@link #activeForEvents()}, {@link #activeForReads()}), in nanoseconds. */
    private final long eventsMaxAge;
    private final LongSupplier nanoTime;
    /** When the pointer was last read for the live consumers and the queries ({@link System#nanoTime()} scale); 0: never. */
    private volatile long readRecentlyAt;
    /** How long a replaced generation is kept after the switch is seen. */
    private final Duration replacedKeptFor;
    /** Replaced generations kept until their drop: what crypto-shredding must reach too (ADR 0016). */
    private final Set<Long> awaitingDrop = ConcurrentHashMap.newKeySet();
    /** Drops replaced generations once they have been kept long enough; started at the first. */
    private ScheduledExecutorService dropper;

    public Generations(MongoTemplate mongo) {
        this(mongo, Duration.ZERO, System::nanoTime);
    }

    @Autowired
    public Generations(MongoTemplate mongo, @Value("${maap.reporting.generation-pointer-max-age:250ms}") Duration eventsMaxAge,
                       @Value("${maap.reporting.replaced-generation-kept-for:10s}") Duration replacedKeptFor) {
        this(mongo, eventsMaxAge, System::nanoTime, replacedKeptFor);
    }

    Generations(MongoTemplate mongo, Duration eventsMaxAge, LongSupplier nanoTime) {
        this(mongo, eventsMaxAge, nanoTime, Duration.ZERO);
    }

    Generations(MongoTemplate mongo, Duration eventsMaxAge, LongSupplier nanoTime, Duration replacedKeptFor) {
        if (eventsMaxAge.isNegative()) {
            throw new IllegalArgumentException("maap.reporting.generation-pointer-max-age must not be negative: " + eventsMaxAge);
        }
        if (replacedKeptFor.isNegative()) {
            throw new IllegalArgumentException("maap.reporting.replaced-generation-kept-for must not be negative: " + replacedKeptFor);
        }
        this.mongo = mongo;
        this.eventsMaxAge = eventsMaxAge.toNanos();
        this.nanoTime = nanoTime;
        this.replacedKeptFor = replacedKeptFor;
        Document state = mongo.findById(ACTIVE, Document.class, STATE);
        this.active = state == null ? 1 : state.get("generation", Number.class).longValue();
        this.announced.set(active);
        ProjectionStore live = active();
        List<String> collections = mongo.getCollectionNames().stream().toList();
        if (collections.stream().noneMatch(name -> name.startsWith(live.prefix()))) {
            // Filled from its first event from here on: it keeps programme figures.
            ProgrammeFigures.keptFromStart(live);
        }
        // replaced generations an instance stopped before dropping (it keeps them a while after a switch)
        collections.stream().map(GENERATION::matcher).filter(Matcher::matches).map(m -> Long.parseLong(m.group(1)))
                .filter(generation -> generation < active).distinct().forEach(this::dropReplaced);
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
        return activeRecently();
    }

    /**
     * The live generation for a query, as {@link #activeForEvents()} gives it: the pointer as read at
     * most {@code maap.reporting.generation-pointer-max-age} ago. Reading it for every query was a
     * sixth of a cached scorecard's CPU (BENCHMARKS.md); a query that reads the generation a switch
     * on another instance replaced finds it whole, since it is kept a while after the switch
     * ({@code maap.reporting.replaced-generation-kept-for}), and at most that age out of date.
     */
    public ProjectionStore activeForReads() {
        return activeRecently();
    }

    private ProjectionStore activeRecently() {
        long now = nanoTime.getAsLong();
        long readAt = readRecentlyAt;
        if (readAt == 0 || now - readAt >= eventsMaxAge) {
            activeGeneration();
            readRecentlyAt = now == 0 ? 1 : now;
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
                // Replaced: dropped once no query or event that read the pointer before the switch can be
                // using it. After another instance's switch, what this one applied to it meanwhile goes too.
                dropReplaced(previous);
            }
            ProjectionStore live = store(generation);
            listeners.forEach(listener -> listener.accept(live));
        }
    }

    /** Drops a replaced generation {@link #replacedKeptFor} from now (at once when that is 0). */
    private void dropReplaced(long generation) {
        if (replacedKeptFor.isZero()) {
            store(generation).drop();
            return;
        }
        awaitingDrop.add(generation);
        synchronized (this) {
            if (dropper == null) {
                dropper = Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread thread = new Thread(r, "replaced-generation-drop");
                    thread.setDaemon(true);
                    return thread;
                });
            }
            dropper.schedule(() -> {
                try {
                    if (generation < active) {
                        store(generation).drop();
                    }
                } catch (RuntimeException e) {
                    // dropped at the next start instead (the constructor drops replaced generations it finds)
                    log.warn("Could not drop the replaced read-model generation {}", generation, e);
                } finally {
                    awaitingDrop.remove(generation);
                }
            }, replacedKeptFor.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * The generations a switch replaced that this instance keeps a while before dropping them
     * ({@code maap.reporting.replaced-generation-kept-for}): a query that read the pointer before
     * the switch may still read them, so what must leave every read model leaves them too.
     */
    public List<ProjectionStore> replacedNotYetDropped() {
        return awaitingDrop.stream().sorted().map(this::store).toList();
    }

    public ProjectionStore store(long generation) {
        return new ProjectionStore(mongo, "g" + generation + "_");
    }

    public synchronized void switchTo(long generation) {
        mongo.upsert(Query.query(Criteria.where("_id").is(ACTIVE)), new Update().set("generation", generation), STATE);
        seen(generation); // drops the generation replaced
    }
}
