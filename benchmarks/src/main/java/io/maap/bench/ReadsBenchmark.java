package io.maap.bench;

import io.maap.bench.LoadGenerator.GeneratedEvent;
import io.maap.events.casereturn.ReturnRequested;
import io.maap.testsupport.TestInfrastructure;
import io.maap.testsupport.api.ApiClient;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * Reads under load (issue 20, items 6 and 8): a read model holding {@code maap.bench.read-returns}
 * (100,000) return requests, built by reporting-service's own rebuild from generated events, then
 * {@code maap.bench.readers} (8) concurrent readers over HTTP with a bearer token ask for a
 * programme's scorecard, a page of its overdue list and its board feed, each for a programme
 * drawn at random; p50 and p99 per view. reporting-service runs in a JVM of its own with the read
 * side's heap ({@code maap.bench.reporting-heap}, 512m); MongoDB is mongo-java-server (in memory)
 * in the benchmark's.
 */
final class ReadsBenchmark {

    private final LoadGenerator generator;
    private final Supplier<String> token;
    private final int returns = Integer.getInteger("maap.bench.read-returns", 100_000);
    private final int readers = Integer.getInteger("maap.bench.readers", 8);
    private final int reads = Integer.getInteger("maap.bench.reads", 2_000);
    /**
     * Requests per view not measured, every view's before any is measured: the service's JVM is
     * new (since 2026-12-07; it shared the benchmark's, warm from the parts before, until then),
     * and after 200 its requests ran at half the rate of the same JVM's later ones.
     */
    private final int warmUp = Integer.getInteger("maap.bench.reads-warm-up", 4_000);
    private final List<String> rows = new ArrayList<>();

    private final String heap;

    ReadsBenchmark(LoadGenerator generator, Supplier<String> token, String heap) {
        this.generator = generator;
        this.token = token;
        this.heap = heap;
    }

    /** Loads the read model, reads it, and gives the summary rows. */
    List<String> run() throws Exception {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.brokerProperty("auto.create.topics.enable", "true");
        broker.afterPropertiesSet();
        System.out.printf("%n== Reads (its own Kafka broker; reporting-service with live consumption off, -Xmx%s; MongoDB is mongo-java-server)%n", heap);
        ForkedService reporting = null;
        try {
            int[] programmes = {0};
            long events = publish(broker.getBrokersAsString(), programmes);
            reporting = ForkedService.reportingWithoutLiveConsumption(heap, broker.getBrokersAsString(),
                    TestInfrastructure.newMongoUri("maap_bench_reads"), Map.of("maap.rate-limit.general.capacity", "1000000"));
            String base = reporting.baseUrl();
            double warmedBefore = warmings(base);
            rebuild(ApiClient.of(base, token), events);
            awaitWarmed(base, warmedBefore);
            int count = programmes[0];
            Map<String, IntFunction<String>> views = new LinkedHashMap<>();
            views.put("scorecard of a programme", p -> "/api/scorecard?programmeId=" + programme(p % count));
            views.put("overdue list of a programme, a page of 50", p -> "/api/outstanding-returns?overdue=true&size=50&programmeId="
                    + programme(p % count));
            views.put("board feed of a programme (JSON)", p -> "/api/board-scorecard/" + programme(p % count));
            // every view warmed before any is measured: they share most of a request's code
            for (boolean measured : new boolean[] {false, true}) {
                for (Map.Entry<String, IntFunction<String>> view : views.entrySet()) {
                    read(reporting, view.getKey(), view.getValue(), measured);
                }
            }
            double[] used = reporting.heapMiB();
            System.out.printf("  reporting-service: peak heap used %.0f MiB, %.0f MiB after a full collection (-Xmx%s)%n",
                    used[0], used[1], heap);
            rows.add(String.format("| reads | reporting-service's heap through the reads part (-Xmx%s) | peak %.0f MiB, %.0f MiB after a full collection | | |",
                    heap, used[0], used[1]));
        } finally {
            if (reporting != null) {
                reporting.close();
            }
            broker.destroy();
        }
        return rows;
    }

    private static String programme(int partnership) {
        return "load-p" + partnership + "-programme";
    }

    /** Publishes the generated events until {@link #returns} return requests have been asked for; counts the programmes. */
    private long publish(String kafka, int[] programmes) {
        long start = System.nanoTime();
        long published = 0;
        int requested = 0;
        Iterator<GeneratedEvent> events = generator.events(Long.MAX_VALUE);
        java.util.Set<String> seen = new java.util.HashSet<>();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(java.util.Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka, ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024, ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"),
                new StringSerializer(), new ByteArraySerializer())) {
            while (requested < returns) {
                GeneratedEvent event = events.next();
                producer.send(event.toRecord());
                published++;
                if (event.payload() instanceof ReturnRequested r) {
                    requested++;
                    seen.add(r.programmeId());
                }
            }
            producer.flush();
        }
        programmes[0] = seen.size();
        System.out.printf("Published %,d generated events (%,d return requests in %d programmes) in %.1f s%n", published, requested,
                seen.size(), (System.nanoTime() - start) / 1e9);
        return published;
    }

    /**
     * Waits for the rebuild's switch to have warmed the programmes' views (ADR 0022, decision 3), so
     * that the reads measure a steady state rather than the warmer's work beside them: the warmer's
     * metrics (docs/operations.md) say when a warming more than before the rebuild has ended and none
     * runs. Prints how long it took.
     */
    private static void awaitWarmed(String base, double before) throws Exception {
        long start = System.nanoTime();
        long deadline = start + java.time.Duration.ofMinutes(2).toNanos();
        boolean warmed;
        while (!(warmed = warmings(base) > before && metric(base, "maap_reporting_view_warming") == 0)
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        System.out.printf("  (the programmes' views %s %.1f s after the rebuild)%n", warmed ? "warmed" : "not warmed in 2 minutes",
                (System.nanoTime() - start) / 1e9);
    }

    private static double warmings(String base) throws Exception {
        return metric(base, "maap_reporting_view_warmings_total");
    }

    /** The sum of a metric's samples as the service's Prometheus endpoint gives them (docs/operations.md, "Metrics"). */
    private static double metric(String base, String name) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/actuator/prometheus"))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("/actuator/prometheus answered " + response.statusCode());
        }
        double sum = 0;
        boolean found = false;
        for (String line : response.body().split("\n")) {
            if (line.startsWith(name + "{") || line.startsWith(name + " ")) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                found = true;
            }
        }
        if (!found) {
            throw new IllegalStateException("No " + name + " among reporting-service's metrics");
        }
        return sum;
    }

    private void rebuild(ApiClient client, long events) throws Exception {
        client.post("/api/rebuilds", null);
        JsonNode progress;
        do {
            Thread.sleep(500);
            progress = client.getJson("/api/rebuilds/current");
        } while (!progress.get("state").asString().equals("COMPLETED") && !progress.get("state").asString().equals("FAILED"));
        System.out.printf("read model built by a rebuild: %s, %,d events at %,.0f events/s%n", progress.get("state").asString(),
                progress.get("eventsDone").asLong(), progress.get("eventsPerSecond").asDouble());
        rows.add(String.format("| reads | read model for the reads: %,d events (%,d return requests) rebuilt | %,.0f events/s | | |",
                events, returns, progress.get("eventsPerSecond").asDouble()));
    }

    /** {@link #readers} clients, each asking {@link #reads} / readers times, measured, or {@link #warmUp} / readers times, not. */
    private void read(ForkedService service, String name, IntFunction<String> path, boolean measured) throws Exception {
        String base = service.baseUrl();
        long cpuBefore = service.cpuNanos();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        ExecutorService pool = Executors.newFixedThreadPool(readers);
        int each = Math.max(1, reads / readers);
        long[] latencies = new long[each * readers];
        long start;
        try {
            List<Future<?>> done = new ArrayList<>();
            int rounds = measured ? each : Math.max(1, warmUp / readers);
            start = System.nanoTime();
            for (int r = 0; r < readers; r++) {
                int reader = r;
                done.add(pool.submit(() -> {
                    Random random = new Random(reader * 31L + (measured ? 1 : 0));
                    for (int i = 0; i < rounds; i++) {
                        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path.apply(random.nextInt(1 << 20))))
                                .header("Authorization", "Bearer " + token.get()).GET().build();
                        long sent = System.nanoTime();
                        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() != 200) {
                            throw new IllegalStateException(name + ": " + response.statusCode() + " " + response.body());
                        }
                        if (measured) {
                            latencies[reader * each + i] = System.nanoTime() - sent;
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
        if (!measured) {
            return;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuPerRequest = (service.cpuNanos() - cpuBefore) / 1e6 / latencies.length;
        Arrays.sort(latencies);
        double p50 = HttpLoadDriver.percentile(latencies, 50);
        double p99 = HttpLoadDriver.percentile(latencies, 99);
        System.out.printf("reads: %-45s %d readers, %,d requests: %,.0f/s, p50 %.1f ms, p99 %.1f ms, max %.1f ms; "
                        + "the service's CPU %.2f ms a request%n", name, readers,
                latencies.length, latencies.length / seconds, p50, p99, latencies[latencies.length - 1] / 1e6, cpuPerRequest);
        rows.add(String.format("| reads | %s, %,d return requests, %d readers (MongoDB: mongo-java-server) | %,.0f/s | p50 %.1f ms, p99 %.1f ms "
                        + "(the service's CPU: %.2f ms a request) | |",
                name, returns, readers, latencies.length / seconds, p50, p99, cpuPerRequest));
    }
}
