package io.maap.reporting.projection.query;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Checkpoints go at interval ends, at most so many, spread by the events between them, none ahead of now, and stay put as the log grows. */
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
        // 2,400 events, at most 6 checkpoints: one per 1,024 events (4/3 of 2,400 / 6, up to a power of two)
        assertThat(events(400, 400, 400, 400, 400, 400).boundaries(6, NOW, Set.of()))
                .containsExactly(DAY.plus(Duration.ofDays(3)), DAY.plus(Duration.ofDays(6)));
    }

    @Test
    void aCheckpointThereIsStaysOnceThreeQuartersOfItsShareHavePassed() {
        assertThat(events(400, 400, 400, 400, 400, 400).boundaries(6, NOW, Set.of(DAY.plus(Duration.ofDays(2)))))
                .containsExactly(DAY.plus(Duration.ofDays(2)), DAY.plus(Duration.ofDays(5)));
    }

    @Test
    void eventsRelayedLateIntoAnOldDayMoveNoCheckpoint() {
        Set<Instant> planned = Set.copyOf(events(400, 400, 400, 400, 400, 400).boundaries(6, NOW, Set.of()));

        assertThat(events(500, 400, 400, 400, 400, 400).boundaries(6, NOW, planned)).containsExactlyInAnyOrderElementsOf(planned);
    }

    @Test
    void neverMoreThanAskedNorAheadOfNow() {
        int[] everyDay = new int[100];
        java.util.Arrays.fill(everyDay, 1);
        Set<Instant> allDays = new java.util.HashSet<>();
        for (int day = 1; day <= 100; day++) {
            allDays.add(DAY.plus(Duration.ofDays(day)));
        }
        assertThat(events(everyDay).boundaries(10, NOW, allDays)).hasSizeBetween(1, 10);
        assertThat(events(everyDay).boundaries(10, NOW, Set.of())).hasSizeBetween(1, 10);
        assertThat(events(5, 5).boundaries(10, DAY.plus(Duration.ofHours(30)), Set.of())).containsExactly(DAY.plus(Duration.ofDays(1)));
        assertThat(events(5).boundaries(0, NOW, Set.of())).isEmpty();
        assertThat(new CheckpointPlan(Duration.ofDays(1)).boundaries(4, NOW, Set.of())).isEmpty();
        assertThatThrownBy(() -> new CheckpointPlan(Duration.ZERO)).hasMessageContaining("as-at-checkpoint-interval");
    }
}
