package io.maap.reporting.projection.messaging;

import io.maap.reporting.projection.messaging.EventLog;
import io.maap.reporting.projection.query.Generations;
import io.maap.reporting.projection.query.ProgrammeFigures;
import io.maap.reporting.projection.query.ProjectionStore;
import io.maap.reporting.projection.query.Projections;

import io.maap.support.domain.RuleViolation;
import io.maap.support.messaging.IncomingEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Rebuilds every read model from the event topics into a new generation while the live one
 * keeps serving. When the rebuild has caught up, live consumption stops for the moment it takes
 * to read the last few events, the new generation becomes live, and live consumption resumes
 * from where it stopped (re-reading what the rebuild already applied changes nothing, because
 * every write is idempotent per aggregate sequence). Each poll's writes run on a thread of their
 * own while the next poll is read and applied ({@link WriteBehind}); all have run before the switch.
 */
@Component
public class RebuildService implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RebuildService.class);

    public enum State { IDLE, RUNNING, SWITCHING, COMPLETED, FAILED }

    /** What a person watching the rebuild sees. */
    public record Progress(State state, long fromGeneration, long toGeneration, long eventsDone, long eventsTotal,
                           double eventsPerSecond, Long secondsLeft, Instant startedAt, Instant finishedAt, String error) {
    }

    private final EventLog eventLog;
    private final Projections projections;
    private final Generations generations;
    private final BindingsLifecycleController bindings;
    private final List<String> liveBindings;
    private final Clock clock;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "projection-rebuild"));

    private final AtomicLong done = new AtomicLong();
    private volatile long total;
    private volatile State state = State.IDLE;
    private volatile long from;
    private volatile long to;
    private volatile Instant startedAt;
    private volatile Instant finishedAt;
    private volatile String error;

    public RebuildService(EventLog eventLog, Projections projections, Generations generations,
                          BindingsLifecycleController bindings,
                          @Value("${maap.reporting.live-bindings}") List<String> liveBindings, Clock clock) {
        this.eventLog = eventLog;
        this.projections = projections;
        this.generations = generations;
        this.bindings = bindings;
        this.liveBindings = List.copyOf(liveBindings);
        this.clock = clock;
    }

    public synchronized Progress start() {
        if (state == State.RUNNING || state == State.SWITCHING) {
            throw new RuleViolation("rebuild-running", "A rebuild is already running; watch its progress.");
        }
        from = generations.activeGeneration();
        to = from + 1;
        done.set(0);
        total = 0;
        startedAt = clock.instant();
        finishedAt = null;
        error = null;
        state = State.RUNNING;
        executor.submit(this::run);
        return progress();
    }

    public Progress progress() {
        Instant start = startedAt;
        double rate = 0;
        Long left = null;
        if (start != null) {
            Instant end = finishedAt != null ? finishedAt : clock.instant();
            double seconds = Math.max(0.001, Duration.between(start, end).toMillis() / 1000.0);
            rate = done.get() / seconds;
            if (state == State.RUNNING && rate > 0) {
                left = (long) Math.ceil(Math.max(0, total - done.get()) / rate);
            }
        }
        return new Progress(state, from, to, done.get(), total, Math.round(rate * 10) / 10.0, left, start, finishedAt, error);
    }

    private void run() {
        ProjectionStore target = generations.store(to);
        target.drop();
        ProgrammeFigures.keptFromStart(target);
        ProjectionStore writer = target.batchingAsOnlyWriter();
        try (EventLog.Reader reader = eventLog.open(); WriteBehind writes = new WriteBehind("projection-rebuild-writes")) {
            total = reader.total();
            reader.readBatchesToEnd(events -> apply(events, writer, writes));
            writes.awaitAll();
            state = State.SWITCHING;
            liveBindings.forEach(bindings::stop);
            try {
                total = done.get() + Math.max(0, reader.total() - reader.read());
                reader.readBatchesToEnd(events -> apply(events, writer, writes));
                writes.awaitAll();
                generations.switchTo(to);
            } finally {
                liveBindings.forEach(bindings::start);
            }
            total = done.get();
            finishedAt = clock.instant();
            state = State.COMPLETED;
            log.info("Rebuilt the read models into generation {} from {} events ({} unreadable skipped)",
                    to, done.get(), reader.unreadable());
        } catch (RuntimeException e) {
            log.error("Rebuild into generation {} failed; generation {} stays live", to, from, e);
            target.drop();
            error = e.getMessage();
            finishedAt = clock.instant();
            state = State.FAILED;
        }
    }

    /**
     * Applies a poll's events to the only writer's store, in memory, and hands their writes to
     * {@code writes}, which writes them while the next poll is read and applied: in the order of
     * the polls, each after the one before. The events count as done once written.
     */
    private int apply(List<IncomingEvent> events, ProjectionStore target, WriteBehind writes) {
        int unreadable = projections.applyKept(events, target);
        Runnable write = target.takeFlush();
        writes.submit(() -> {
            write.run();
            done.addAndGet(events.size());
        });
        return unreadable;
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
