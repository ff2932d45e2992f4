package io.maap.reporting.projection.query;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

class ProgrammeViewWarmerMetricsTest {

    @Test
    void tellWhetherTheWarmerIsBusyAndHowManyWarmingsEnded() {
        ProgrammeViewWarmer warmer = mock(ProgrammeViewWarmer.class);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        new ProgrammeViewWarmerMetrics(warmer, registry);

        given(warmer.busy()).willReturn(true);
        given(warmer.warmingsEnded()).willReturn(2L);
        assertThat(registry.get(ProgrammeViewWarmerMetrics.WARMING).gauge().value()).isEqualTo(1.0);
        assertThat(registry.get(ProgrammeViewWarmerMetrics.WARMINGS).functionCounter().count()).isEqualTo(2.0);

        given(warmer.busy()).willReturn(false);
        assertThat(registry.get(ProgrammeViewWarmerMetrics.WARMING).gauge().value()).isZero();
    }
}
