package io.maap.reporting.projection.query;

import io.maap.reporting.projection.query.AsAtViews;
import io.maap.reporting.projection.query.Generations;
import io.maap.reporting.projection.query.ProjectionStore;

import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** Which generation a view reads: the live one, or the one computed "as at" a past instant. */
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

    /** A view's store and the day it is seen from (today, or the day of the past instant). */
    public record View(ProjectionStore store, LocalDate today, Instant asAt) {
    }

    public View view(Instant asAt) {
        if (asAt == null) {
            return new View(generations.active(), LocalDate.now(clock), null);
        }
        if (asAt.isAfter(clock.instant())) {
            throw new IllegalArgumentException("asAt must not be in the future");
        }
        if (asAt.isBefore(Instant.EPOCH)) {
            throw new IllegalArgumentException("asAt must not be before 1970-01-01T00:00:00Z");
        }
        return new View(asAtViews.asAt(asAt), LocalDate.ofInstant(asAt, zone()), asAt);
    }

    private ZoneId zone() {
        return clock.getZone();
    }
}
