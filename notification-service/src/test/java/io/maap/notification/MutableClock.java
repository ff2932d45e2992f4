package io.maap.notification;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** The service's clock in a test: it stands still until the test moves it. */
final class MutableClock extends Clock {

    private final ZoneId zone;
    private volatile Instant now;

    MutableClock(ZonedDateTime start) {
        this.zone = start.getZone();
        this.now = start.toInstant();
    }

    void set(ZonedDateTime at) {
        now = at.toInstant();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return Clock.fixed(now, other);
    }

    @Override
    public Instant instant() {
        return now;
    }
}
