package io.maap.support.web;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The id a create request acts on: the one the client put in the body, else one derived from
 * its {@value #HEADER} header, so that a retried request finds what its first attempt created;
 * with neither, a new id. A header that is present but blank, or longer than
 * {@value #MAX_LENGTH} characters, is refused (400) rather than silently ignored: the client
 * meant its retry to be safe.
 */
public final class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";
    public static final int MAX_LENGTH = 255;

    private IdempotencyKeys() {
    }

    public static String idFor(String bodyId, String idempotencyKey) {
        if (bodyId != null) {
            return bodyId;
        }
        if (idempotencyKey == null) {
            return UUID.randomUUID().toString();
        }
        if (idempotencyKey.isBlank()) {
            throw new IllegalArgumentException(HEADER + " must not be blank: send a unique key, or leave the header out.");
        }
        if (idempotencyKey.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(HEADER + " must be at most " + MAX_LENGTH + " characters.");
        }
        return UUID.nameUUIDFromBytes(idempotencyKey.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
