package io.maap.deploycheck.checks;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

/** A service's HTTP API at its published port, called with a person's access token. */
public final class Api {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final String baseUrl;
    private final String token;

    public Api(String baseUrl, String token) {
        this.baseUrl = baseUrl;
        this.token = token;
    }

    public record Answer(int status, String body) {
        public JsonNode json() throws Exception {
            return Oidc.JSON.readTree(body);
        }
    }

    public Answer get(String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
    }

    public Answer post(String path, String json) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)));
    }

    private Answer send(HttpRequest.Builder request) throws Exception {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = CLIENT.send(request.header("Accept", "application/json").timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }

    /** Polls until {@code condition} holds for the answer of a GET, or the time is up. */
    public Answer await(String path, Duration within, java.util.function.Predicate<Answer> condition) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        Answer last;
        do {
            last = get(path);
            if (condition.test(last)) {
                return last;
            }
            Thread.sleep(500);
        } while (System.nanoTime() < deadline);
        throw new IllegalStateException("GET " + path + " still answers " + last.status() + " " + abbreviate(last.body())
                + " after " + within.toSeconds() + " s");
    }

    static String abbreviate(String text) {
        return text == null || text.length() <= 300 ? String.valueOf(text) : text.substring(0, 300) + "...";
    }
}
