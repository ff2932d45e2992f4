package io.maap.reporting.projection.query;

import java.time.Instant;
import java.util.List;

/** One page of a list view; {@code asAt} is set when the view shows a past instant. */
public record Page<T>(List<T> items, int page, int size, long total, Instant asAt) {

    public static <T> Page<T> of(List<T> all, int page, int size, Instant asAt) {
        return new Page<>(all.stream().skip((long) page * size).limit(size).toList(), page, size, all.size(), asAt);
    }
}
