package io.maap.local.bench;

import org.springframework.http.HttpHeaders;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Sends commands over HTTP from a fixed number of clients (closed loop: each client sends its
 * next command when the last one was answered) and measures each one's latency. A chain of
 * commands (e.g. acknowledge, then submit) is sent in order by one client. Every request's
 * headers come from {@code headers}, the one place where e.g. a bearer token is added.
 */
public final class HttpLoadDriver implements AutoCloseable {

    /** One POST (or PUT) of a JSON body. */
    public record Command(String method, String url, String body) {

        public static Command post(String url, String body) {
            return new Command("POST", url, body);
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

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final Supplier<HttpHeaders> headers;
    private final int clients;
    private final ExecutorService executor;

    public HttpLoadDriver(Supplier<HttpHeaders> headers, int clients) {
        this.headers = headers;
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
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(command.url()))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(command.method(), HttpRequest.BodyPublishers.ofString(command.body()));
        headers.get().forEach((name, values) -> values.forEach(value -> request.header(name, value)));
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() / 100 == 2 ? null
                    : command.method() + " " + command.url() + " -> " + response.statusCode() + " " + abbreviate(response.body());
        } catch (Exception e) {
            return command.method() + " " + command.url() + " -> " + e;
        }
    }

    /** The value at the given percentile of sorted nanosecond figures, in milliseconds. */
    public static double percentile(long[] sorted, double percentile) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    private static String abbreviate(String body) {
        return body == null || body.length() < 300 ? body : body.substring(0, 300) + "...";
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
