package io.maap.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * A view "as at" an instant asked for twice: the first request computes it (issue 20, item 7: from
 * the checkpoint before the instant, if there is one, else from the topics' beginning; ADR 0023),
 * the second reads the cached view. Waits as long as a replay of millions of events takes (the API client gives up
 * after a minute).
 */
final class AsAtBenchmark {

    /** The first and the cached request's time, in seconds. */
    record Timing(double first, double cached) {
    }

    private AsAtBenchmark() {
    }

    static Timing scorecard(String baseUrl, Supplier<String> token, Instant instant) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        double[] seconds = new double[2];
        for (int i = 0; i < 2; i++) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/scorecard?asAt=" + instant))
                    .header("Authorization", "Bearer " + token.get()).timeout(Duration.ofMinutes(30)).GET().build();
            long start = System.nanoTime();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            seconds[i] = (System.nanoTime() - start) / 1e9;
            if (response.statusCode() != 200) {
                throw new IllegalStateException("as at " + instant + ": " + response.statusCode() + " " + response.body());
            }
        }
        return new Timing(seconds[0], seconds[1]);
    }
}
