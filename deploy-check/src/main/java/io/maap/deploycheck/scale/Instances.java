package io.maap.deploycheck.scale;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The instances of one service, as a load balancer sees them: each command goes to the next
 * instance in turn, skipping those marked down; a command without an answer (or with a 5xx, a 404,
 * or "audit not known yet") is sent again, with the same {@code Idempotency-Key}, for up to two
 * minutes, to the other instance if its own does not answer. A 409 after an attempt that may have
 * been applied (one whose answer was lost, not a refused connection) means it was: the fault
 * suite's rule (docs/reliability.md).
 */
public final class Instances {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private static final long GIVE_UP = Duration.ofMinutes(2).toNanos();

    /** A GET's answer. */
    public record Answer(int status, String body) {
    }

    private final String service;
    private final Map<String, String> urls;
    private final String token;
    private final Set<String> down = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> acknowledged = new ConcurrentHashMap<>();
    private final AtomicInteger next = new AtomicInteger();

    /** {@code urls}: each instance's name and base URL. */
    public Instances(String service, Map<String, String> urls, String token) {
        this.service = service;
        this.urls = new LinkedHashMap<>(urls);
        this.token = token;
        urls.keySet().forEach(name -> acknowledged.put(name, new AtomicInteger()));
    }

    public List<String> names() {
        return List.copyOf(urls.keySet());
    }

    /** Marks an instance down (killed, cut off) or up again: commands go to the others meanwhile. */
    public void down(String instance, boolean isDown) {
        if (isDown) {
            down.add(instance);
        } else {
            down.remove(instance);
        }
    }

    /** Commands each instance acknowledged. */
    public Map<String, Integer> acknowledged() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        acknowledged.forEach((name, count) -> counts.put(name, count.get()));
        return counts;
    }

    private String pick(int turn) {
        List<String> names = names();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(Math.floorMod(turn + i, names.size()));
            if (!down.contains(name)) {
                return name;
            }
        }
        return names.get(Math.floorMod(turn, names.size()));
    }

    public Answer get(String path) throws InterruptedException {
        String instance = pick(next.getAndIncrement());
        try {
            HttpResponse<String> response = CLIENT.send(request(instance, path).GET().build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            return null;
        }
    }

    /** Sends a command until it is answered for good: null when done, else what went wrong. */
    public String post(String path, String json) throws InterruptedException {
        String key = UUID.randomUUID().toString();
        int turn = next.getAndIncrement();
        long deadline = System.nanoTime() + GIVE_UP;
        boolean ambiguous = false;
        String last = null;
        while (System.nanoTime() < deadline) {
            String instance = pick(turn);
            try {
                HttpResponse<String> response = CLIENT.send(request(instance, path).header("Content-Type", "application/json")
                        .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                        HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status / 100 == 2) {
                    acknowledged.get(instance).incrementAndGet();
                    return null;
                }
                boolean notYet = status == 404 || status == 409 && response.body().contains("\"audit-unknown\"");
                if (status == 409 && ambiguous && !notYet) {
                    return null;
                }
                if (!notYet && status < 500) {
                    return "POST " + service + path + " -> " + status + " " + abbreviate(response.body());
                }
                ambiguous |= status >= 500;
                last = status + " " + abbreviate(response.body());
            } catch (IOException e) {
                ambiguous |= !(e instanceof ConnectException || e instanceof java.net.http.HttpConnectTimeoutException);
                last = instance + ": " + e;
                turn++;
            }
            Thread.sleep(250);
        }
        return "POST " + service + path + " gave up after 2 minutes: " + last;
    }

    private HttpRequest.Builder request(String instance, String path) {
        return HttpRequest.newBuilder(URI.create(urls.get(instance) + path)).timeout(Duration.ofSeconds(20))
                .header("Accept", "application/json").header("Authorization", "Bearer " + token);
    }

    private static String abbreviate(String text) {
        return text == null || text.length() <= 300 ? String.valueOf(text) : text.substring(0, 300) + "...";
    }
}
