package io.maap.bench;

import io.maap.bench.EndToEndBenchmark.Step;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class EndToEndBenchmarkTest {

    /** Measures nothing: answers each rate with the p99 given for it, and records what it was sent. */
    private static final class Scripted extends EndToEndBenchmark {
        private final Map<Integer, Double> p99ByRate;
        final List<List<String>> slices = new ArrayList<>();
        int quietWaits;

        Scripted(Map<Integer, Double> p99ByRate) {
            super(null, null, null);
            this.p99ByRate = p99ByRate;
        }

        @Override
        Step measure(int rate, List<String> ids) {
            slices.add(ids);
            return new Step(rate, ids.size(), rate, ids.size(), 0, 10, p99ByRate.get(rate), p99ByRate.get(rate), 5, 10, List.of());
        }
    }

    private static List<String> ids(int count) {
        return IntStream.range(0, count).mapToObj(i -> "rr-" + i).toList();
    }

    @Test
    void stepsUpInOrderGivingEachRateItsOwnRequestsAndWaitingForQuietBeforeEach() throws Exception {
        var bench = new Scripted(Map.of(10, 40.0, 20, 90.0, 50, 200.0));
        List<Step> steps = bench.search(List.of(50, 10, 20), rate -> 2, 50, ids(EndToEndBenchmark.requestsFor(List.of(10, 20, 50), rate -> 2)),
                () -> bench.quietWaits++);

        assertThat(steps).extracting(Step::rate).containsExactly(10, 20, 50);
        assertThat(bench.slices).extracting(List::size).containsExactly(20, 40, 100);
        assertThat(bench.slices.get(1).get(0)).isEqualTo("rr-20");
        assertThat(bench.quietWaits).isEqualTo(3);
        assertThat(EndToEndBenchmark.highestHeld(steps)).isEqualTo(50);
    }

    @Test
    void theGoalsRateIsSentForItsOwnLongerTime() throws Exception {
        var bench = new Scripted(Map.of(10, 40.0, 50, 200.0));
        List<Step> steps = bench.search(List.of(10, 50), rate -> rate == 50 ? 6 : 1, 50,
                ids(EndToEndBenchmark.requestsFor(List.of(10, 50), rate -> rate == 50 ? 6 : 1)), () -> { });

        assertThat(steps).extracting(Step::rate).containsExactly(10, 50);
        assertThat(bench.slices).extracting(List::size).containsExactly(10, 300);
    }

    @Test
    void stopsClimbingOnceARateIsNotHeldButStillMeasuresTheGoalsRate() throws Exception {
        var bench = new Scripted(Map.of(10, 40.0, 20, 400.0, 50, 900.0, 200, 5000.0));
        List<Step> steps = bench.search(List.of(10, 20, 50, 200), rate -> 1, 200, ids(280), () -> { });

        assertThat(steps).extracting(Step::rate).containsExactly(10, 20, 200);
        assertThat(steps).extracting(Step::held).containsExactly(true, false, false);
        assertThat(EndToEndBenchmark.highestHeld(steps)).isEqualTo(10);
    }

    @Test
    void aStepWithSubmissionsNotSeenOrFailedIsNotHeldWhateverItsLatency() {
        assertThat(new Step(100, 1000, 100, 999, 0, 5, 20, 30, 5, 10, List.of()).held()).isFalse();
        assertThat(new Step(100, 1000, 100, 999, 1, 5, 20, 30, 5, 10, List.of()).held()).isFalse();
        assertThat(new Step(100, 1000, 100, 1000, 0, 5, 250, 300, 5, 10, List.of()).held()).isTrue();
        assertThat(EndToEndBenchmark.highestHeld(List.of(new Step(10, 10, 10, 10, 0, 1, 251, 300, 5, 10, List.of())))).isZero();
    }
}
