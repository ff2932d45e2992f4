package io.maap.bench;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import io.maap.bench.HttpLoadDriver.Command;
import io.maap.testsupport.api.ApiClient;
import org.bson.Document;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.function.IntUnaryOperator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * End to end on the whole platform: submissions sent at a fixed rate (open loop), each timed from
 * sending the command to reporting-service's return-request document showing it received (the
 * document the scorecard and the overdue view read), polled every 5 ms by {@code _id}, 50 at a time.
 * {@link #search} steps the rate up and reports the highest one held with p99 within the goal.
 */
class EndToEndBenchmark {

    /** The goal for the end-to-end p99, in milliseconds. */
    static final double P99_GOAL_MS = 250;
    /**
     * Ids per look-up of the watcher. mongo-java-server matches each document an {@code _id $in}
     * finds against the whole list, under the collection's lock, so a look-up costs the square of
     * its size: with 500 a look-up and a backlog of 2,000 the watcher kept a core half busy and
     * held reporting-service's writes to the same collection back (thread dumps of a 200/s step),
     * slowing what it measured the more the further behind it was.
     */
    private static final int WATCH_CHUNK = 50;
    private static final String SUBMISSION =
            "{\"submittedBy\": \"SPOC\", \"answers\": [{\"questionId\": \"q1\", \"answer\": \"Seen alone.\", \"grade\": \"good\"}]}";

    /**
     * One step's figures: what was sent, at what rate it went out, what the read model showed, and
     * how soon case-return-service answered the submissions (which tells a backlog in the commands
     * from one in the pipeline after them).
     */
    record Step(int rate, int sent, double achievedRate, int seen, int failed, double p50, double p99, double max,
                double answeredP50, double answeredP99, List<Long> maxBySecond) {

        boolean held() {
            return seen == sent && failed == 0 && p99 <= P99_GOAL_MS;
        }

        @Override
        public String toString() {
            return String.format("end to end at %d/s: %d submissions sent at %.0f/s, %d seen, %d failed: p50 %.1f ms, p99 %.1f ms, max %.1f ms%s; "
                            + "the commands answered in p50 %.1f ms, p99 %.1f ms",
                    rate, sent, achievedRate, seen, failed, p50, p99, max, held() ? " (held)" : " (not held)", answeredP50, answeredP99)
                    + "\n  the slowest submission sent in each second, ms (where the tail comes from): " + maxBySecond;
        }
    }

    private final MongoCollection<Document> documents;
    private final HttpLoadDriver driver;
    private final ApiClient returns;

    EndToEndBenchmark(MongoCollection<Document> documents, HttpLoadDriver driver, ApiClient returns) {
        this.documents = documents;
        this.driver = driver;
        this.returns = returns;
    }

    /** The number of acknowledged return requests {@link #search} uses for these steps. */
    static int requestsFor(List<Integer> rates, IntUnaryOperator secondsAt) {
        return rates.stream().mapToInt(rate -> rate * secondsAt.applyAsInt(rate)).sum();
    }

    /**
     * Runs each rate in ascending order for its {@code secondsAt}, waiting for the platform to be quiet
     * before each ({@code quiet}). Once a rate is not held, higher ones are not tried, except the
     * {@code mustRun} rate (the goal's own), which is always measured.
     */
    List<Step> search(List<Integer> rates, IntUnaryOperator secondsAt, int mustRun, List<String> ids, Quiet quiet) throws Exception {
        List<Step> steps = new ArrayList<>();
        int from = 0;
        boolean failing = false;
        for (int rate : rates.stream().sorted().toList()) {
            if (failing && rate != mustRun) {
                continue;
            }
            quiet.await();
            List<String> slice = ids.subList(from, from + rate * secondsAt.applyAsInt(rate));
            from += slice.size();
            Step step = measure(rate, slice);
            System.out.println(step);
            steps.add(step);
            failing |= !step.held();
        }
        return steps;
    }

    /** The highest rate held, or 0 when none was. */
    static int highestHeld(List<Step> steps) {
        return steps.stream().filter(Step::held).mapToInt(Step::rate).max().orElse(0);
    }

    Step measure(int rate, List<String> ids) throws Exception {
        Map<String, Long> pending = new ConcurrentHashMap<>();
        long[] latencies = new long[ids.size()];
        Map<String, Integer> order = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            order.put(ids.get(i), i);
        }
        long[] bySent = new long[ids.size()]; // each submission's latency, in the order sent
        long[] answered = new long[ids.size()];
        int[] answers = {0};
        int[] counts = {0, 0}; // seen, failed
        ExecutorService senders = Executors.newFixedThreadPool(16);
        Thread watcher = new Thread(() -> watch(pending, latencies, counts, (id, latency) -> bySent[order.get(id)] = latency),
                "e2e-watcher");
        watcher.start();
        long start = System.nanoTime();
        long interval = 1_000_000_000L / rate;
        for (int i = 0; i < ids.size(); i++) {
            long wait = start + i * interval - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            String id = ids.get(i);
            senders.submit(() -> {
                long sent = System.nanoTime();
                pending.put(id, sent);
                String failure = driver.send(Command.post(returns, "/api/return-requests/" + id + "/submissions", SUBMISSION));
                synchronized (answered) {
                    answered[answers[0]++] = System.nanoTime() - sent;
                }
                if (failure != null) {
                    pending.remove(id);
                    synchronized (latencies) {
                        counts[1]++;
                    }
                }
            });
        }
        double sendSeconds = (System.nanoTime() - start) / 1e9;
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (seenOrFailed(latencies, counts) < ids.size() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        watcher.interrupt();
        senders.shutdown();
        long[] sorted;
        synchronized (latencies) {
            sorted = Arrays.copyOf(latencies, counts[0]);
        }
        Arrays.sort(sorted);
        List<Long> maxBySecond = new ArrayList<>();
        synchronized (latencies) {
            for (int from = 0; from < bySent.length; from += rate) {
                maxBySecond.add(Math.round(Arrays.stream(bySent, from, Math.min(bySent.length, from + rate)).max().orElse(0) / 1e6));
            }
        }
        long[] answerTimes;
        synchronized (answered) {
            answerTimes = Arrays.copyOf(answered, answers[0]);
        }
        Arrays.sort(answerTimes);
        return new Step(rate, ids.size(), ids.size() / sendSeconds, counts[0], counts[1],
                HttpLoadDriver.percentile(sorted, 50), HttpLoadDriver.percentile(sorted, 99),
                sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6,
                HttpLoadDriver.percentile(answerTimes, 50), HttpLoadDriver.percentile(answerTimes, 99), maxBySecond);
    }

    private static int seenOrFailed(long[] latencies, int[] counts) {
        synchronized (latencies) {
            return counts[0] + counts[1];
        }
    }

    private void watch(Map<String, Long> pending, long[] latencies, int[] counts, java.util.function.ObjLongConsumer<String> seen) {
        while (!Thread.currentThread().isInterrupted()) {
            List<String> ids = new ArrayList<>(pending.keySet());
            for (int from = 0; from < ids.size(); from += WATCH_CHUNK) {
                List<String> chunk = ids.subList(from, Math.min(ids.size(), from + WATCH_CHUNK));
                // Only the field waited for: mongo-java-server sends a whole document as it holds it, and
                // encoding one that reporting-service updates at that moment may fail
                // (ConcurrentModificationException) and close the connection; the client then waited
                // some 500 ms to find the server again, and every pending submission looked that much
                // slower (a run of 2026-12-06: one 531 ms stall at 50/s). A projected document is a copy.
                for (Document document : documents.find(Filters.in("_id", chunk)).projection(Projections.include("received"))) {
                    if (Boolean.TRUE.equals(document.getBoolean("received"))) {
                        Long sent = pending.remove(document.getString("_id"));
                        if (sent != null) {
                            long latency = System.nanoTime() - sent;
                            synchronized (latencies) {
                                latencies[counts[0]++] = latency;
                                seen.accept(document.getString("_id"), latency);
                            }
                        }
                    }
                }
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Waits until the platform has drained what came before. */
    @FunctionalInterface
    interface Quiet {
        void await() throws Exception;
    }
}
