package io.maap.testsupport;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import static org.assertj.core.api.Assertions.assertThat;

class MovableClockTest {

    private static final Instant START = Instant.parse("2017-04-03T08:00:00Z");

    @Test
    void standsStillUntilSetOrMoved() {
        MovableClock clock = new MovableClock(START, ZoneOffset.UTC);
        assertThat(clock.instant()).isEqualTo(START);

        clock.advance(Duration.ofMillis(1_500));
        assertThat(clock.instant()).isEqualTo(START.plusMillis(1_500));
        clock.set(START.minusSeconds(60));
        assertThat(clock.instant()).isEqualTo(START.minusSeconds(60));
    }

    @Test
    void aCopyInAnotherZoneSharesItsTime() {
        ZoneId london = ZoneId.of("Europe/London");
        MovableClock clock = MovableClock.at(ZonedDateTime.of(2017, 4, 3, 9, 0, 0, 0, london));
        Clock utc = clock.withZone(ZoneOffset.UTC);

        clock.advance(Duration.ofHours(2));

        assertThat(clock.getZone()).isEqualTo(london);
        assertThat(utc.getZone()).isEqualTo(ZoneOffset.UTC);
        assertThat(utc.instant()).isEqualTo(START.plus(Duration.ofHours(2)));
        assertThat(ZonedDateTime.now(clock).getHour()).isEqualTo(11);
    }
}
