package io.maap.reporting.projection.messaging;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WriteBehindTest {

    @Test
    void writesRunInTheOrderGivenOneAtATimeOnTheirOwnThread() {
        List<Integer> ran = new CopyOnWriteArrayList<>();
        List<String> threads = new CopyOnWriteArrayList<>();
        try (WriteBehind writes = new WriteBehind("writes")) {
            for (int i = 0; i < 50; i++) {
                int n = i;
                writes.submit(() -> {
                    ran.add(n);
                    threads.add(Thread.currentThread().getName());
                });
            }
            writes.awaitAll();
            assertThat(ran).hasSize(50).isSorted();
            assertThat(threads).containsOnly("writes");
        }
    }

    @Test
    void theCallerGoesOnWhileAWriteRunsAndTheNextWaitsForIt() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<String> ran = new CopyOnWriteArrayList<>();
        try (WriteBehind writes = new WriteBehind("writes")) {
            writes.submit(() -> {
                started.countDown();
                await(release);
                ran.add("first");
            });
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(ran).isEmpty(); // submit returned while the write runs
            release.countDown();
            writes.submit(() -> ran.add("second"));
            writes.awaitAll();
            assertThat(ran).containsExactly("first", "second");
        }
    }

    @Test
    void aFailedWriteFailsTheNextSubmitAndNothingAfterItRuns() {
        List<String> ran = new CopyOnWriteArrayList<>();
        try (WriteBehind writes = new WriteBehind("writes")) {
            writes.submit(() -> {
                throw new IllegalArgumentException("bulk write refused");
            });
            assertThatThrownBy(() -> writes.submit(() -> ran.add("after"))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("bulk write refused");
            assertThatThrownBy(writes::awaitAll).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(ran).isEmpty();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
