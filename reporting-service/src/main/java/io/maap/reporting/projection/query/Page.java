package io.maap.reporting.projection.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** One page of a list view; {@code asAt} is set when the view shows a past instant, {@code asOf} a past date. */
public record Page<T>(List<T> items, int page, int size, long total, Instant asAt, LocalDate asOf) {

    public static <T> Page<T> of(List<T> all, int page, int size, Instant asAt) {
        return of(all, page, size, asAt, null);
    }

    /** A page of a view seen "as at" an instant or "as of" a date (either may be null). */
    public static <T> Page<T> of(List<T> all, int page, int size, Instant asAt, LocalDate asOf) {
        return new Page<>(all.stream().skip((long) page * size).limit(size).toList(), page, size, all.size(), asAt, asOf);
    }
}
