package io.maap.reporting.projection.query;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Computes every programme's default views into the {@link ProgrammeViewCache} when this instance
 * sees a new live generation ({@link Generations#onSwitch}): after a rebuild's switch every cached
 * view is for the generation it replaced, so without this each programme's first request for
 * each view would pay for reading and counting its document (ADR 0022), the slowest requests of
 * all. Each programme's document is read once for all its views, after its version, and the views
 * are kept under that version as a request keeps the view it computed (ADR 0022's rules
 * unchanged), so a view warmed here is served only while its programme's document is unchanged,
 * and not past the cache's age limit.
 * <p>
 * On one background thread, a programme at a time, at most {@code maap.reporting.warm-programmes}
 * programmes (0 turns it off); it stops when a newer generation is seen or once half the cache's
 * weight is taken (warmed views must not push out those being read), and a switch seen while one
 * is waiting replaces it. Every instance warms its own cache when it sees the switch (at its next
 * read of the pointer).
 */
@Component
public class ProgrammeViewWarmer implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ProgrammeViewWarmer.class);

    /** A view that can be computed ahead for a programme, as seen on a day, with its default parameters. */
    public interface Warmable {

        /**
         * Computes the view from the programme's figures (read once for all its views) and keeps it
         * ({@link ProgrammeViewCache#keep}) under {@code version}, read before the figures.
         */
        void warm(ProjectionStore store, String programmeId, LocalDate today, Object version, ProgrammeFigures.Read figures);
    }

    private final Generations generations;
    private final List<Warmable> views;
    private final ProgrammeViewCache cache;
    private final Clock clock;
    private final int maxProgrammes;
    /** Warmings ended, however they ended. */
    private final AtomicLong ended = new AtomicLong();
    private final ThreadPoolExecutor worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1),
            runnable -> {
                Thread thread = new Thread(runnable, "programme-view-warmer");
                thread.setDaemon(true);
                thread.setPriority(Thread.MIN_PRIORITY);
                return thread;
            }, new ThreadPoolExecutor.DiscardOldestPolicy());

    public ProgrammeViewWarmer(Generations generations, List<Warmable> views, ProgrammeViewCache cache, Clock clock,
                               @Value("${maap.reporting.warm-programmes:1000}") int maxProgrammes) {
        this.generations = generations;
        this.views = views;
        this.cache = cache;
        this.clock = clock;
        this.maxProgrammes = maxProgrammes;
        generations.onSwitch(this::switched);
    }

    private void switched(ProjectionStore live) {
        if (enabled()) {
            worker.execute(() -> warm(live));
        }
    }

    /** Whether there is anything to warm and a cache to keep it in. */
    boolean enabled() {
        return maxProgrammes > 0 && cache.enabled() && !views.isEmpty();
    }

    /** How many warmings have ended (finished, stopped or failed): metric {@code maap.reporting.view.warmings}. */
    public long warmingsEnded() {
        return ended.get();
    }

    /** Whether a warming is running or waiting to run: metric {@code maap.reporting.view.warming}. */
    public boolean busy() {
        return worker.getActiveCount() > 0 || !worker.getQueue().isEmpty();
    }

    /** Computes the default views of the generation's programmes (at most the limit), unless a newer generation is seen. */
    public void warm(ProjectionStore live) {
        try {
            warmViews(live);
        } finally {
            ended.incrementAndGet();
        }
    }

    private void warmViews(ProjectionStore live) {
        try {
            if (!ProgrammeFigures.kept(live)) {
                return;
            }
            List<String> programmes = programmes(live);
            LocalDate today = LocalDate.now(clock);
            long started = System.nanoTime();
            for (String programmeId : programmes) {
                if (!live.prefix().equals(generations.store(generations.lastSeen()).prefix()) || !cache.hasRoomToWarm()) {
                    log.info("Stopped warming the views of the programmes of {}: {}", live.prefix(),
                            cache.hasRoomToWarm() ? "a newer generation is live" : "half the cache is taken");
                    return;
                }
                Object version = ProgrammeFigures.version(live, programmeId); // before the figures (ADR 0022)
                if (version == null) {
                    continue;
                }
                ProgrammeFigures.Read figures = ProgrammeFigures.read(live, programmeId);
                for (Warmable view : views) {
                    view.warm(live, programmeId, today, version, figures);
                }
            }
            log.info("Warmed the views of {} programmes of {} in {} ms", programmes.size(), live.prefix(),
                    (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            // Only a head start: a view not warmed is computed by its first request.
            log.warn("Warming the programmes' views of {} stopped: {}", live.prefix(), e.toString());
        }
    }

    /** The programmes with figures in the generation, at most the limit (their ids alone). */
    private List<String> programmes(ProjectionStore store) {
        List<String> ids = new ArrayList<>();
        for (Document document : store.mongo().getCollection(store.collection(ProgrammeFigures.COLLECTION))
                .find().projection(new Document("_id", 1)).limit(maxProgrammes + 1).into(new ArrayList<>())) {
            if (document.get("_id") instanceof String id && !ProgrammeFigures.isMarker(id) && ids.size() < maxProgrammes) {
                ids.add(id);
            }
        }
        return ids;
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
