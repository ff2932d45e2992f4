package io.maap.deploycheck.scale;

import io.maap.deploycheck.compose.ComposeFile;
import io.maap.deploycheck.compose.KafkaAccessAdmin;
import io.maap.deploycheck.stack.Stack;
import org.apache.kafka.clients.admin.Admin;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Samples, once a second while the scale-out phase runs, who owns each segment of the scaled
 * services' event processors ({@link Participation}), and answers from the latest sample.
 */
final class Watch implements AutoCloseable {

    private final ComposeFile compose;
    private final Participation participation;
    private final Map<String, Map<String, String>> latest = new ConcurrentHashMap<>();
    private final Thread sampler;
    private volatile boolean closed;

    Watch(Stack stack, ComposeFile compose, Participation participation) {
        this.compose = compose;
        this.participation = participation;
        this.sampler = new Thread(this::sampleUntilClosed, "scale-out-watch");
        sampler.setDaemon(true);
        sampler.start();
    }

    private void sampleUntilClosed() {
        while (!closed) {
            ScaleOut.SCALED.forEach((service, prefix) -> {
                if (!prefix.isEmpty()) {
                    try {
                        latest.put(service, participation.sample(compose.service(service), prefix));
                    } catch (Exception e) {
                        // the database restarting or unreachable: the next sample will tell
                    }
                }
            });
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    Participation participation() {
        return participation;
    }

    /** The instance of the service owning most of its segments now (the first instance when none does). */
    String busiest(String service) {
        Map<String, Integer> owned = new HashMap<>();
        latest.getOrDefault(service, Map.of()).values().stream().filter(owner -> !owner.equals("-"))
                .forEach(owner -> owned.merge(owner, 1, Integer::sum));
        return owned.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(service);
    }

    /** Waits until every segment of the service the instance owns now is owned by another instance; the seconds it took. */
    long awaitNoSegments(String service, String instance, int seconds) throws InterruptedException {
        long start = System.nanoTime();
        Map<String, String> before = Map.copyOf(latest.getOrDefault(service, Map.of()));
        while (System.nanoTime() - start < seconds * 1_000_000_000L) {
            Map<String, String> now = latest.getOrDefault(service, Map.of());
            if (before.entrySet().stream().filter(segment -> segment.getValue().equals(instance)).map(Map.Entry::getKey)
                    .map(segment -> now.getOrDefault(segment, "-")).noneMatch(owner -> owner.equals(instance) || owner.equals("-"))) {
                return (System.nanoTime() - start) / 1_000_000_000L;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(instance + "'s segments not taken over within " + seconds + " s: " + before + " then "
                + latest.get(service));
    }

    /** Waits until every one of the instances has been seen owning a segment of the service. */
    boolean awaitSegmentOwners(String service, Set<String> instances, int seconds) throws InterruptedException {
        long start = System.nanoTime();
        while (!participation.segmentOwners(service).containsAll(instances)) {
            if (System.nanoTime() - start > seconds * 1_000_000_000L) {
                return false;
            }
            Thread.sleep(500);
        }
        return true;
    }

    /** The broker's admin client, as kafka-access connects. */
    static Admin admin(ComposeFile compose) {
        return KafkaAccessAdmin.create(compose);
    }

    @Override
    public void close() {
        closed = true;
        sampler.interrupt();
    }
}
