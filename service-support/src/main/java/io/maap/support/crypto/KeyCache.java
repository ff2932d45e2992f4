package io.maap.support.crypto;

import javax.crypto.SecretKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Unwrapped data keys kept in memory for at most {@code maxAge} since they were read: what bounds
 * how long an instance goes on using a key another instance of the service destroyed. A zero
 * {@code maxAge} keeps nothing.
 */
final class KeyCache {

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Duration maxAge;
    private final Clock clock;

    KeyCache(Duration maxAge, Clock clock) {
        if (maxAge.isNegative()) {
            throw new IllegalArgumentException("maap.crypto.key-cache-max-age must not be negative, not " + maxAge);
        }
        this.maxAge = maxAge;
        this.clock = clock;
    }

    Duration maxAge() {
        return maxAge;
    }

    /** The audit's key if it was read less than {@code maxAge} ago, else null (and the entry dropped). */
    SecretKey get(String auditId) {
        Entry entry = entries.get(auditId);
        if (entry == null) {
            return null;
        }
        if (clock.millis() - entry.readAt() < maxAge.toMillis()) {
            return entry.key();
        }
        entries.remove(auditId, entry);
        return null;
    }

    void put(String auditId, SecretKey key) {
        if (!maxAge.isZero()) {
            entries.put(auditId, new Entry(key, clock.millis()));
        }
    }

    void remove(String auditId) {
        entries.remove(auditId);
    }

    private record Entry(SecretKey key, long readAt) {
    }
}
