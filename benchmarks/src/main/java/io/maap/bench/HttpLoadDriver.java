package io.maap.bench;

import io.maap.testsupport.api.ApiClient;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Sends commands over HTTP from a fixed number of clients (closed loop: each client sends its
 * next command when the last one was answered) and measures each one's latency. A chain of
 * commands (e.g. acknowledge, then submit) is sent in order by one client. Each command names the
 * service's API (with the token it sends) it goes to.
 */
public final class HttpLoadDriver implements AutoCloseable {

    /** One POST (or PUT) of a JSON body to a service's API. */
    public record Command(ApiClient api, String method, String path, String body) {

        public static Command post(ApiClient api, String path, Object body) {
            return new Command(api, "POST", path, body.toString());
        }
    }

    /** What a run measured; latencies in milliseconds. */
    public record Result(String name, int commands, int failures, double seconds, double p50, double p99, double max,
                         String firstFailure) {

        public double perSecond() {
            return commands / seconds;
        }

        @Override
        public String toString() {
            return String.format("%-28s %6d commands in %6.2f s: %7.0f/s, p50 %6.1f ms, p99 %6.1f ms, max %6.1f ms%s",
                    name, commands, seconds, perSecond(), p50, p99, max,
                    failures == 0 ? "" : ", " + failures + " failed (first: " + firstFailure + ")");
        }
    }

    private final int clients;
    private final ExecutorService executor;

    public HttpLoadDriver(int clients) {
        this.clients = clients;
        this.executor = Executors.newFixedThreadPool(clients, r -> {
            Thread thread = new Thread(r, "load-client");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Sends {@code warmUp} (not measured), then {@code chains}, each chain by one client in order. */
    public Result run(String name, List<List<Command>> warmUp, List<List<Command>> chains) throws Exception {
        execute(warmUp);
        return execute(name, chains);
    }

    private Result execute(String name, List<List<Command>> chains) throws Exception {
        ConcurrentLinkedQueue<List<Command>> queue = new ConcurrentLinkedQueue<>(chains);
        int total = chains.stream().mapToInt(List::size).sum();
        long[] latencies = new long[total];
        int[] next = {0};
        int[] failures = {0};
        AtomicReference<String> firstFailure = new AtomicReference<>();
        long start = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            running.add(executor.submit(() -> {
                List<Command> chain;
                while ((chain = queue.poll()) != null) {
                    for (Command command : chain) {
                        long sent = System.nanoTime();
                        String failure = send(command);
                        long took = System.nanoTime() - sent;
                        synchronized (latencies) {
                            latencies[next[0]++] = took;
                            if (failure != null) {
                                failures[0]++;
                                firstFailure.compareAndSet(null, failure);
                            }
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> future : running) {
            future.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] sorted = Arrays.copyOf(latencies, next[0]);
        Arrays.sort(sorted);
        return new Result(name, sorted.length, failures[0], seconds, percentile(sorted, 50), percentile(sorted, 99),
                sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6, firstFailure.get());
    }

    private Result execute(List<List<Command>> chains) throws Exception {
        return execute("warm-up", chains);
    }

    /** Sends one command; null when it succeeded, else what went wrong. */
    public String send(Command command) {
        ApiClient.Response response = command.api().send(command.method(), command.path(), command.body());
        return response.successful() ? null
                : command.method() + " " + command.api().baseUrl() + command.path() + " -> " + response.describe();
    }

    /** The value at the given percentile of sorted nanosecond figures, in milliseconds. */
    public static double percentile(long[] sorted, double percentile) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
