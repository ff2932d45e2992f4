package io.maap.reporting.projection.query;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Where "as at" checkpoints go (ADR 0023): at boundaries of the interval (hours by default, counted
 * from the epoch in UTC, so a view asked for the end of a day or an hour may be one), no more than
 * a given number, spread by how many events fall between them rather than by time, so that no
 * view has to apply much more than the log's events divided by that number on top of the
 * checkpoint before it. Only boundaries already past are used.
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

    /** At most {@code most} boundaries at or before {@code now}, in order. */
    List<Instant> boundaries(int most, Instant now) {
        List<Instant> boundaries = new ArrayList<>();
        if (most <= 0 || eventsPerInterval.isEmpty()) {
            return boundaries;
        }
        long total = eventsPerInterval.values().stream().mapToLong(Long::longValue).sum();
        long gap = Math.max(1, (total + most - 1) / most);
        long since = 0;
        for (Map.Entry<Long, Long> bucket : eventsPerInterval.entrySet()) {
            since += bucket.getValue();
            Instant end = Instant.ofEpochMilli((bucket.getKey() + 1) * interval);
            if (since >= gap && !end.isAfter(now) && boundaries.size() < most) {
                boundaries.add(end);
                since = 0;
            }
        }
        return boundaries;
    }
}
