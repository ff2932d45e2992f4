package io.maap.testsupport.api;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.StreamSupport;

/**
 * The one HTTP client of MAAP's system tests, fault suite, fuzzing and benchmarks: one service's
 * API at {@code baseUrl}, called as one person (every request carries the bearer token the
 * supplier gives, so that a long run can renew it; none when it gives null).
 * <p>
 * {@link #post}, {@link #put} and {@link #getJson} expect success and fail with what the service
 * answered (its problem detail); {@link #send} returns whatever came back, even no answer at all,
 * for tests of refusals, malformed input and services that go away. Paths may carry a query and
 * are sent as given (already percent-encoded, or deliberately not).
 */
public final class ApiClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final int SHOWN = 2000;

    private final String baseUrl;
    private final Supplier<String> token;

    private ApiClient(String baseUrl, Supplier<String> token) {
        this.baseUrl = baseUrl;
        this.token = token;
    }

    /** Calls the API at {@code baseUrl} with the given bearer token (null: none). */
    public static ApiClient of(String baseUrl, String token) {
        return new ApiClient(baseUrl, () -> token);
    }

    /** Calls the API at {@code baseUrl} with whatever token {@code token} gives at each request. */
    public static ApiClient of(String baseUrl, Supplier<String> token) {
        return new ApiClient(baseUrl, token);
    }

    /** The same API called as someone else (null: without a token). */
    public ApiClient as(String otherToken) {
        return of(baseUrl, otherToken);
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** POSTs a JSON body (text or a node; null or empty for none) and expects a 2xx; answers the body as JSON. */
    public JsonNode post(String path, Object body) {
        return send("POST", path, body).expectSuccess("POST", path).json();
    }

    /** POSTs a JSON body and expects exactly {@code expectedStatus}; answers the body as JSON (e.g. a problem detail). */
    public JsonNode post(String path, Object body, int expectedStatus) {
        return send("POST", path, body).expect("POST", path, expectedStatus).json();
    }

    /** PUTs a JSON body and expects a 2xx; answers the body as JSON. */
    public JsonNode put(String path, Object body) {
        return send("PUT", path, body).expectSuccess("PUT", path).json();
    }

    /** GETs JSON, expecting 200. */
    public JsonNode getJson(String path) {
        return get(path).expect("GET", path, 200).json();
    }

    /** GETs a JSON array, expecting 200, as a list. */
    public List<JsonNode> getList(String path) {
        return StreamSupport.stream(getJson(path).spliterator(), false).toList();
    }

    /** GETs any text (e.g. CSV), expecting 200. */
    public String getText(String path) {
        return get(path).expect("GET", path, 200).body();
    }

    /** Whatever a GET answers. */
    public Response get(String path) {
        return send("GET", path, null);
    }

    /** Whatever a request with a JSON body (text or a node; null or empty for none) answers. */
    public Response send(String method, String path, Object body) {
        String json = body == null ? "" : body.toString();
        return json.isEmpty() ? send(method, path, null, null, Map.of())
                : send(method, path, json.getBytes(StandardCharsets.UTF_8), "application/json", Map.of());
    }

    /**
     * Whatever a request answers, as a careless or hostile client sends it: any method, raw bytes
     * ({@code body} null sends none), any content type (null sends no Content-Type), extra headers.
     * No answer at all (refused, reset, timed out) is a {@link Response} with its {@link Response#error()}.
     */
    public Response send(String method, String path, byte[] body, String contentType, Map<String, String> headers) {
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(baseUrl + path));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Not a usable URL: " + baseUrl + path, e);
        }
        request.timeout(TIMEOUT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        String bearer = token.get();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Response(response.statusCode(), response.headers(),
                    new String(response.body(), StandardCharsets.UTF_8), null);
        } catch (IOException e) {
            return new Response(0, HttpHeaders.of(Map.of(), (name, value) -> true), "", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while calling " + baseUrl + path, e);
        }
    }

    /** What came back: {@code error} is set instead (status 0) when no HTTP answer came at all. */
    public record Response(int status, HttpHeaders headers, String body, IOException error) {

        public boolean answered() {
            return error == null;
        }

        public boolean successful() {
            return answered() && status / 100 == 2;
        }

        public String contentType() {
            return header("Content-Type");
        }

        /** The header's first value, or "" when there is none. */
        public String header(String name) {
            return headers.firstValue(name).orElse("");
        }

        /** The body as JSON; an empty body is an empty object. */
        public JsonNode json() {
            return body.isEmpty() ? JSON.createObjectNode() : JSON.readTree(body);
        }

        /** What went wrong, in one line: the status and the body (e.g. a problem detail), or why nothing came back. */
        public String describe() {
            if (!answered()) {
                return "no answer (" + error + ")";
            }
            return status + (body.isEmpty() ? "" : " " + (body.length() <= SHOWN ? body : body.substring(0, SHOWN) + "..."));
        }

        /** Fails unless the status is one of {@code expected}. */
        public Response expect(String method, String path, int... expected) {
            if (!answered() || Arrays.stream(expected).noneMatch(s -> s == status)) {
                throw new AssertionError(method + " " + path + " answered " + describe() + ", not " + Arrays.toString(expected));
            }
            return this;
        }

        /** Fails unless the status is 2xx. */
        public Response expectSuccess(String method, String path) {
            if (!successful()) {
                throw new AssertionError(method + " " + path + " answered " + describe());
            }
            return this;
        }
    }
}
