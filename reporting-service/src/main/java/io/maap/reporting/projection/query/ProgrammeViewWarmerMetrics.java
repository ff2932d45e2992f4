package io.maap.reporting.projection.query;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * The {@link ProgrammeViewWarmer}'s state for operators (docs/operations.md): whether it is warming
 * the programmes' views after a rebuild's switch, and how many warmings have ended, so that one
 * can tell when the views of a new generation are all computed ahead.
 */
@Component
class ProgrammeViewWarmerMetrics {

    static final String WARMING = "maap.reporting.view.warming";
    static final String WARMINGS = "maap.reporting.view.warmings";

    ProgrammeViewWarmerMetrics(ProgrammeViewWarmer warmer, MeterRegistry registry) {
        Gauge.builder(WARMING, warmer, w -> w.busy() ? 1 : 0)
                .description("1 while the programmes' views are being warmed after a generation switch, else 0")
                .register(registry);
        FunctionCounter.builder(WARMINGS, warmer, ProgrammeViewWarmer::warmingsEnded)
                .description("Warmings of the programmes' views ended (finished, stopped or failed)")
                .register(registry);
    }
}
