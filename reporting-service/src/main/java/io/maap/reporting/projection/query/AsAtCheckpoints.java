package io.maap.reporting.projection.query;

import io.maap.reporting.projection.messaging.EventLog;
import io.maap.reporting.projection.messaging.LogPositions;
import io.maap.reporting.projection.messaging.RecordTimeIndex;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * Builds the "as at" checkpoints ahead of the views (ADR 0023), every
 * {@code maap.reporting.as-at-checkpoint-every} and on an operator's request: reads every record's
 * event time from its header (no record is parsed), plans at most
 * {@code maap.reporting.as-at-checkpoints} boundaries ({@link CheckpointPlan}), builds those missing
 * in time order, each from the one before it, and drops those no longer planned (all of them when
 * the setting is 0). A view takes
 * its checkpoint over, so the next run builds that one again. One run at a time, among all
 * instances (a lease in {@code projection_state}); each build
 * holds the one "as at" replay ({@link AsAtViews}), so a caller's view waits at most one build.
 */
@Component
public class AsAtCheckpoints {

    private static final Logger log = LoggerFactory.getLogger(AsAtCheckpoints.class);
    /** Longer than a run takes (minutes at a million events): a run that died is taken over after it. */
    private static final Duration LEASE = Duration.ofHours(6);

    private final AsAtViews views;
    private final EventLog eventLog;
    private final Clock clock;
    private final int most;
    private final Duration interval;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile Instant lastFinished;

    public AsAtCheckpoints(AsAtViews views, EventLog eventLog, Clock clock,
                           @Value("${maap.reporting.as-at-checkpoints:48}") int most,
                           @Value("${maap.reporting.as-at-checkpoint-interval:PT1H}") Duration interval) {
        new CheckpointPlan(interval);
        this.views = views;
        this.eventLog = eventLog;
        this.clock = clock;
        this.most = most;
        this.interval = interval;
    }

    /** What an operator sees: whether a run is under way, when the last ended, the checkpoints there are. */
    public record Status(boolean running, Instant lastFinished, List<Instant> checkpoints) {
    }

    public Status status() {
        return new Status(running.get(), lastFinished,
                views.generations().checkpoints().stream().map(AsAtGenerations.Computed::instant).toList());
    }

    @Scheduled(fixedDelayString = "${maap.reporting.as-at-checkpoint-every:PT15M}",
            initialDelayString = "${maap.reporting.as-at-checkpoint-delay:PT1M}")
    public void scheduled() {
        run();
    }

    /** Runs now unless a run is under way; answers whether it ran. */
    public boolean run() {
        return run(most);
    }

    /** Runs now with at most {@code most} checkpoints (0: drops them all), unless a run is under way. */
    boolean run(int most) {
        if (!running.compareAndSet(false, true)) {
            return false;
        }
        return runClaimed(most);
    }

    /**
     * Starts a run on a thread of its own unless one is under way; answers whether it started.
     *
     * @param most at most this many checkpoints (0 drops them all: e.g. to free their space now), or
     *             null for {@code maap.reporting.as-at-checkpoints}
     */
    public boolean start(Integer most) {
        int planned = most == null ? this.most : most;
        if (planned < 0) {
            throw new IllegalArgumentException("at most a negative number of checkpoints: " + most);
        }
        if (!running.compareAndSet(false, true)) {
            return false;
        }
        Thread thread = new Thread(() -> runClaimed(planned), "as-at-checkpoints");
        thread.setDaemon(true);
        thread.start();
        return true;
    }

    private boolean runClaimed(int most) {
        if (!views.generations().leaseRun(clock.instant(), LEASE)) {
            running.set(false);
            return false;
        }
        try {
            long start = System.nanoTime();
            List<Instant> planned = most <= 0 ? List.of() : plan(most);
            int built = 0;
            for (Instant boundary : planned) {
                built += views.checkpoint(boundary) ? 1 : 0;
            }
            Set<Instant> wanted = Set.copyOf(planned);
            List<String> unwanted = views.generations().checkpoints().stream()
                    .filter(checkpoint -> !wanted.contains(checkpoint.instant()))
                    .map(AsAtGenerations.Computed::key).collect(Collectors.toList());
            unwanted.forEach(views::dropCheckpoint);
            if (built > 0 || !unwanted.isEmpty()) {
                log.info("As-at checkpoints: {} planned, {} built, {} dropped in {} s", planned.size(), built, unwanted.size(),
                        String.format("%.1f", (System.nanoTime() - start) / 1e9));
            }
        } catch (RuntimeException e) {
            log.warn("As-at checkpoints: run failed; views replay from the checkpoints there are", e);
        } finally {
            views.generations().releaseRun();
            lastFinished = clock.instant();
            running.set(false);
        }
        return true;
    }

    /** Reads every record's time from its header: the plan's counts, and the index a replay passes over stretches of the log by. */
    private List<Instant> plan(int most) {
        CheckpointPlan plan = new CheckpointPlan(interval);
        try (EventLog.Reader reader = eventLog.open()) {
            RecordTimeIndex.Builder index = new RecordTimeIndex.Builder(RecordTimeIndex.blockRecords(reader.total()));
            LogPositions read = reader.readBatchesToEnd((position, time) -> {
                index.add(position, time);
                if (time != null) {
                    plan.count(time);
                }
                return false;
            }, events -> 0);
            views.generations().recordTimes(index.build(read));
        }
        Set<Instant> existing = views.generations().checkpoints().stream().map(AsAtGenerations.Computed::instant)
                .collect(Collectors.toSet());
        return plan.boundaries(most, clock.instant(), existing);
    }
}
