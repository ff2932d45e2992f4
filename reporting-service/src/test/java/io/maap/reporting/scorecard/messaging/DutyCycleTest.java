package io.maap.reporting.scorecard.messaging;


import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DutyCycleTest {

    @Test
    void aJobThatTookOneSecondAtAFifthRestsFourSeconds() {
        DutyCycle cycle = new DutyCycle(0.2, 0);
        assertThat(cycle.mayRun(0)).isTrue();
        cycle.ran(1_000, 1_000_000_001_000L);

        assertThat(cycle.mayRun(1_000_000_001_000L)).isFalse();
        assertThat(cycle.mayRun(4_999_999_999_999L + 1_000)).isFalse();
        assertThat(cycle.mayRun(5_000_000_001_000L)).isTrue();
    }

    @Test
    void aFullShareNeverRestsAndTimesMayBeNegative() {
        DutyCycle cycle = new DutyCycle(1, -5_000);
        assertThat(cycle.mayRun(-5_000)).isTrue();
        cycle.ran(-5_000, -1_000);
        assertThat(cycle.mayRun(-1_000)).isTrue();
    }

    @Test
    void aShareOutsideZeroToOneIsRefused() {
        assertThatThrownBy(() -> new DutyCycle(0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DutyCycle(1.5, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
