package io.maap.actionplan.audit.web;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The id a create request acts on: the one in the body, else one derived from the
 * Idempotency-Key header, so a retried request finds what its first attempt created.
 */
public final class ClientIds {

    public static final String HEADER = "Idempotency-Key";

    private ClientIds() {
    }

    public static String choose(String bodyId, String idempotencyKey) {
        if (bodyId != null) {
            return bodyId;
        }
        if (idempotencyKey != null && !idempotencyKey.isBlank()) {
            return UUID.nameUUIDFromBytes(idempotencyKey.getBytes(StandardCharsets.UTF_8)).toString();
        }
        return UUID.randomUUID().toString();
    }
}
