package io.maap.reporting.projection.query;

import io.maap.reporting.projection.query.AsAtViews;
import io.maap.reporting.projection.query.Generations;
import io.maap.reporting.projection.query.ProjectionStore;

import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Which generation a view reads and the day it is seen from: the live one today; the one computed
 * "as at" a past instant (what had been recorded by then); or the live one "as of" a past date (the
 * position on that date by when things happened, {@link AsOf}).
 */
@Component
public class ViewStores {

    private final Generations generations;
    private final AsAtViews asAtViews;
    private final Clock clock;

    public ViewStores(Generations generations, AsAtViews asAtViews, Clock clock) {
        this.generations = generations;
        this.asAtViews = asAtViews;
        this.clock = clock;
    }

    /** A view's store and the day it is seen from (today, the day of the past instant, or the date it is as of). */
    public record View(ProjectionStore store, LocalDate today, Instant asAt, LocalDate asOf) {

        public View(ProjectionStore store, LocalDate today, Instant asAt) {
            this(store, today, asAt, null);
        }
    }

    /** As {@link #view(Instant)}, or "as of" a past date: the live documents read as they stood then. */
    public View view(Instant asAt, LocalDate asOf) {
        if (asOf == null) {
            return view(asAt);
        }
        if (asAt != null) {
            throw new IllegalArgumentException("Give asAt (what had been recorded by an instant) or asOf (the position "
                    + "on a date), not both");
        }
        if (asOf.isAfter(LocalDate.now(clock))) {
            throw new IllegalArgumentException("asOf must not be in the future");
        }
        return new View(generations.activeForReads(), asOf, null, asOf);
    }

    public View view(Instant asAt) {
        if (asAt == null) {
            return new View(generations.activeForReads(), LocalDate.now(clock), null);
        }
        if (asAt.isAfter(clock.instant())) {
            throw new IllegalArgumentException("asAt must not be in the future");
        }
        if (asAt.isBefore(Instant.EPOCH)) {
            throw new IllegalArgumentException("asAt must not be before 1970-01-01T00:00:00Z");
        }
        Instant rounded = asAtViews.rounded(asAt);
        return new View(asAtViews.asAt(rounded), LocalDate.ofInstant(rounded, zone()), rounded);
    }

    private ZoneId zone() {
        return clock.getZone();
    }
}
