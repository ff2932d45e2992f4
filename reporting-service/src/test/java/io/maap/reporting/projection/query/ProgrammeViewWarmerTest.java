package io.maap.reporting.projection.query;

import io.maap.reporting.ProjectionTestSupport;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Duration;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After a switch, each programme's default views are computed through the cache ahead of any
 * request: the first request then computes nothing, a write still makes the next one compute
 * (ADR 0022), and warming stops at a newer generation and when turned off.
 */
class ProgrammeViewWarmerTest {

    private static final Set<String> FIELDS = Set.of("status");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2017-07-24T12:00:00Z"), ZoneOffset.UTC);
    private static final LocalDate TODAY = LocalDate.of(2017, 7, 24);

    private final ProjectionStore store = ProjectionTestSupport.newStore();
    private final Generations generations = new Generations(store.mongo());
    private final ProgrammeViewCache cache = new ProgrammeViewCache(100);
    private final AtomicInteger computed = new AtomicInteger();
    private final List<String> warmed = new ArrayList<>();

    /** A view as a request asks for it: through the cache, counting what it computes. */
    private String view(ProjectionStore store, String programmeId, LocalDate today) {
        return cache.view(store, programmeId, today, v -> 1, () -> programmeId + " " + computed.incrementAndGet());
    }

    /** Keeps a view made from the figures read for it, under the version read before them. */
    private final ProgrammeViewWarmer.Warmable warmable = (store, programmeId, today, version, figures) -> {
        warmed.add(store.prefix() + programmeId);
        assertThat(figures.ids(ProgrammeFigures.RETURNS)).containsExactly("r1");
        cache.keep(store, programmeId, version, today, "warmed " + programmeId, 1);
    };

    private void write(ProjectionStore store, String programmeId, long sequence) {
        ProgrammeFigures.apply(store, programmeId, ProgrammeFigures.RETURNS, "r1", sequence,
                new Update().set("status", "S" + sequence), FIELDS);
    }

    private ProjectionStore filled(String... programmes) {
        ProjectionStore next = generations.store(2);
        ProgrammeFigures.keptFromStart(next);
        for (String programme : programmes) {
            write(next, programme, 0);
        }
        return next;
    }

    @Test
    void aProgrammesDefaultViewsAreComputedAheadAndServedUntilItsDocumentChanges() {
        ProjectionStore next = filled("p1", "p2");
        generations.switchTo(2);

        new ProgrammeViewWarmer(generations, List.of(warmable), cache, CLOCK, 10).warm(next);

        assertThat(warmed).containsExactlyInAnyOrder("g2_p1", "g2_p2");
        assertThat(view(next, "p1", TODAY)).isEqualTo("warmed p1");
        assertThat(view(next, "p2", TODAY)).isEqualTo("warmed p2");
        assertThat(computed).as("by the first requests after the switch").hasValue(0);
        assertThat(view(next, "p1", TODAY.plusDays(1))).as("other parameters").isEqualTo("p1 1");

        write(next, "p1", 1);
        assertThat(view(next, "p1", TODAY)).isEqualTo("p1 2");
    }

    @Test
    void warmingStopsAtANewerGenerationAndIsBoundedAndCanBeTurnedOff() {
        ProjectionStore next = filled("p1", "p2", "p3");
        generations.switchTo(2);
        new ProgrammeViewWarmer(generations, List.of(warmable), cache, CLOCK, 2).warm(next);
        assertThat(warmed).hasSize(2);

        warmed.clear();
        ProgrammeViewCache small = new ProgrammeViewCache(4);
        new ProgrammeViewWarmer(generations, List.of((s, programmeId, today, version, figures) -> {
            warmed.add(programmeId);
            small.keep(s, programmeId, version, today, "view", 1);
        }), small, CLOCK, 10).warm(next);
        assertThat(warmed).as("warmed until half the cache was taken").hasSize(2);

        warmed.clear();
        new ProgrammeViewWarmer(generations, List.of(warmable), cache, CLOCK, 10).warm(generations.store(1));
        assertThat(warmed).as("a generation replaced meanwhile").isEmpty();

        assertThat(new ProgrammeViewWarmer(generations, List.of(warmable), cache, CLOCK, 10).enabled()).isTrue();
        assertThat(new ProgrammeViewWarmer(generations, List.of(warmable), cache, CLOCK, 0).enabled()).isFalse();
        assertThat(new ProgrammeViewWarmer(generations, List.of(warmable), ProgrammeViewCache.none(), CLOCK, 10).enabled())
                .as("nothing to keep views in").isFalse();
        assertThat(new ProgrammeViewWarmer(generations, List.of(), cache, CLOCK, 10).enabled()).isFalse();
    }

    @Test
    void aSwitchSeenIsWarmedInTheBackgroundAndTheEndOfEachWarmingIsCounted() throws Exception {
        filled("p1");
        CountDownLatch done = new CountDownLatch(1);
        ProgrammeViewWarmer warmer = new ProgrammeViewWarmer(generations, List.of((s, programmeId, today, version, figures) -> {
            warmable.warm(s, programmeId, today, version, figures);
            done.countDown();
        }), cache, CLOCK, 10);
        assertThat(warmer.warmingsEnded()).isZero();

        generations.switchTo(2);

        assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(warmed).containsExactly("g2_p1");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> warmer.warmingsEnded() == 1 && !warmer.busy());
    }
}
