package io.maap.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock for tests: it stands still until the test sets it or moves it on. A copy in another zone
 * ({@link #withZone}) shares its time, so whatever the code under test derived from it moves too.
 */
public final class MovableClock extends Clock {

    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    public MovableClock(Instant start, ZoneId zone) {
        this(new AtomicReference<>(start), zone);
    }

    private MovableClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    /** At {@code start}, in its zone. */
    public static MovableClock at(ZonedDateTime start) {
        return new MovableClock(start.toInstant(), start.getZone());
    }

    public void set(Instant at) {
        now.set(at);
    }

    public void set(ZonedDateTime at) {
        set(at.toInstant());
    }

    public void advance(Duration by) {
        now.updateAndGet(instant -> instant.plus(by));
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return other.equals(zone) ? this : new MovableClock(now, other);
    }

    @Override
    public Instant instant() {
        return now.get();
    }
}
