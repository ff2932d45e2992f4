package io.maap.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

import io.maap.testsupport.api.ApiClient;
import tools.jackson.databind.JsonNode;

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

    /** Runs the as-at checkpoints' build with at most {@code most} of them (0 drops them all) and waits for it. */
    static JsonNode checkpoints(ApiClient client, int most) throws InterruptedException {
        client.post("/api/as-at/checkpoints?most=" + most, null, 202);
        JsonNode status;
        do {
            Thread.sleep(200);
            status = client.getJson("/api/as-at/checkpoints");
        } while (status.get("running").asBoolean());
        return status;
    }

    /** The scorecard of every programme as at the instant, asked for twice. */
    static Timing scorecard(String baseUrl, Supplier<String> token, Instant instant) throws Exception {
        return scorecard(baseUrl, token, instant, null);
    }

    /**
     * The scorecard of a programme as at the instant (as the dashboard's scorecard page asks for it),
     * or of every programme when {@code programmeId} is null, asked for twice.
     */
    static Timing scorecard(String baseUrl, Supplier<String> token, Instant instant, String programmeId) throws Exception {
        String scope = programmeId == null ? "" : "&programmeId=" + programmeId;
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        double[] seconds = new double[2];
        for (int i = 0; i < 2; i++) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/scorecard?asAt=" + instant + scope))
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
