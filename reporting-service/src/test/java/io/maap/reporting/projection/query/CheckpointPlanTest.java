package io.maap.reporting.projection.query;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Checkpoints go at day ends, at most so many, spread by the events between them, none ahead of now. */
class CheckpointPlanTest {

    private static final Instant DAY = Instant.parse("2017-04-03T00:00:00Z");
    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

    private static CheckpointPlan events(int... perDay) {
        CheckpointPlan plan = new CheckpointPlan(Duration.ofDays(1));
        for (int day = 0; day < perDay.length; day++) {
            for (int i = 0; i < perDay[day]; i++) {
                plan.count(DAY.plus(Duration.ofDays(day)).plusSeconds(60L * i));
            }
        }
        return plan;
    }

    @Test
    void aCheckpointEndsADayOnceTheEventsSinceTheLastReachTheirShare() {
        // 100 events, at most 4 checkpoints: one once 25 events have passed since the last
        assertThat(events(10, 10, 10, 30, 5, 5, 5, 25).boundaries(4, NOW)).containsExactly(
                DAY.plus(Duration.ofDays(3)), DAY.plus(Duration.ofDays(4)), DAY.plus(Duration.ofDays(7)), DAY.plus(Duration.ofDays(8)));
        assertThat(events(10, 10, 10, 30, 5, 5, 5, 25).boundaries(2, NOW)).containsExactly(
                DAY.plus(Duration.ofDays(4)), DAY.plus(Duration.ofDays(8)));
    }

    @Test
    void neverMoreThanAskedNorAheadOfNow() {
        assertThat(events(1, 1, 1, 1, 1, 1).boundaries(3, NOW)).hasSize(3);
        assertThat(events(5, 5).boundaries(10, DAY.plus(Duration.ofHours(30)))).containsExactly(DAY.plus(Duration.ofDays(1)));
        assertThat(events(5).boundaries(0, NOW)).isEmpty();
        assertThat(new CheckpointPlan(Duration.ofDays(1)).boundaries(4, NOW)).isEmpty();
        assertThatThrownBy(() -> new CheckpointPlan(Duration.ZERO)).hasMessageContaining("as-at-checkpoint-interval");
    }
}
