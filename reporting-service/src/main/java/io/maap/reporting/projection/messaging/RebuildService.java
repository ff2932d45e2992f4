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
import java.util.function.ToIntFunction;

/**
 * Rebuilds every read model from the event topics into a new generation while the live one
 * keeps serving. When the rebuild has caught up, live consumption stops for the moment it takes
 * to read the last few events, the new generation becomes live, and live consumption resumes
 * from where it stopped (re-reading what the rebuild already applied changes nothing, because
 * every write is idempotent per aggregate sequence). The writes of {@code
 * maap.reporting.rebuild-events-per-write} events (2,000 by default, a poll's), merged per
 * document in memory, run on a thread of their own while the next polls are read and applied
 * ({@link WriteBehind}, {@link UnwrittenEvents}); all have run before the switch. The programmes'
 * figures documents (ADR 0020) are written once, from the documents, when the rebuild has caught
 * up ({@link ProjectionStore#batchingAsOnlyWriterFiguresLast()}): in a log in the order of the
 * events' times, as the relays publish it, every poll touches every programme under way, and
 * writing their documents as the rebuild went was some 40% of its time at a million events
 * (BENCHMARKS.md).
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
    private final int eventsPerWrite;
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
                          @Value("${maap.reporting.live-bindings}") List<String> liveBindings, Clock clock,
                          @Value("${maap.reporting.rebuild-events-per-write:" + UnwrittenEvents.EVENTS_PER_WRITE + "}") int eventsPerWrite) {
        if (eventsPerWrite < 1) {
            throw new IllegalArgumentException("maap.reporting.rebuild-events-per-write must be at least 1, not " + eventsPerWrite);
        }
        this.eventsPerWrite = eventsPerWrite;
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
        ProjectionStore writer = target.batchingAsOnlyWriterFiguresLast();
        try (EventLog.Reader reader = eventLog.open(); WriteBehind writes = new WriteBehind("projection-rebuild-writes")) {
            UnwrittenEvents unwritten = new UnwrittenEvents(writer, writes, eventsPerWrite, done::addAndGet);
            ToIntFunction<List<IncomingEvent>> apply = polled -> {
                int unreadable = projections.applyKept(polled, writer);
                unwritten.applied(polled.size());
                return unreadable;
            };
            total = reader.total();
            reader.readBatchesToEnd(apply);
            unwritten.handOnAll();
            writes.awaitAll();
            writer.indexWritten();
            // the live consumers still run meanwhile; the events read after this keep the figures as they go
            long figuresStart = System.nanoTime();
            int programmes = writer.figuresFromDocuments();
            log.info("Wrote the figures of {} programme(s) into generation {} from its documents in {} ms", programmes, to,
                    (System.nanoTime() - figuresStart) / 1_000_000);
            state = State.SWITCHING;
            liveBindings.forEach(bindings::stop);
            try {
                total = done.get() + Math.max(0, reader.total() - reader.read());
                reader.readBatchesToEnd(apply);
                unwritten.handOnAll();
                writes.awaitAll();
                writer.indexWritten();
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

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
