package io.maap.reporting.projection.query;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * Where "as at" checkpoints go (ADR 0023): at boundaries of the interval (hours by default, counted
 * from the epoch in UTC, so a view asked for the end of a day or an hour may be one), no more than
 * a given number, spread by how many events fall between them rather than by time, so that no
 * view has to apply much more than the log's events divided by that number on top of the
 * checkpoint before it. Only boundaries already past are used.
 * <p>
 * The plan is stable as the log grows, so that a run does not rebuild checkpoints for a few new
 * events: the events per checkpoint are a power of two (they change only when the log doubles),
 * and a checkpoint that exists is kept once three quarters of that many events have passed since
 * the one before (events relayed late into an old interval shift nothing); the power of two is
 * chosen so that even then no more than the maximum are planned.
 */
final class CheckpointPlan {

    private final long interval;
    private final NavigableMap<Long, Long> eventsPerInterval = new TreeMap<>();

    CheckpointPlan(Duration interval) {
        if (interval.toMillis() <= 0) {
            throw new IllegalArgumentException("maap.reporting.as-at-checkpoint-interval must be at least a millisecond, not " + interval);
        }
        this.interval = interval.toMillis();
    }

    /** Counts one event at its time. */
    void count(Instant time) {
        eventsPerInterval.merge(Math.floorDiv(time.toEpochMilli(), interval), 1L, Long::sum);
    }

    /** At most {@code most} boundaries at or before {@code now}, in order, keeping those of {@code existing} that still fit. */
    List<Instant> boundaries(int most, Instant now, Set<Instant> existing) {
        List<Instant> boundaries = new ArrayList<>();
        if (most <= 0 || eventsPerInterval.isEmpty()) {
            return boundaries;
        }
        long total = eventsPerInterval.values().stream().mapToLong(Long::longValue).sum();
        long gap = Long.highestOneBit(Math.max(1, (4 * total + 3 * most - 1) / (3 * most)) - 1) << 1;
        gap = Math.max(gap, 1);
        long since = 0;
        for (Map.Entry<Long, Long> bucket : eventsPerInterval.entrySet()) {
            since += bucket.getValue();
            Instant end = Instant.ofEpochMilli((bucket.getKey() + 1) * interval);
            boolean due = since >= gap || (existing.contains(end) && 4 * since >= 3 * gap);
            if (due && !end.isAfter(now) && boundaries.size() < most) {
                boundaries.add(end);
                since = 0;
            }
        }
        return boundaries;
    }
}
