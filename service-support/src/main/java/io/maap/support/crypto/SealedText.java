package io.maap.support.crypto;

import io.maap.events.Sensitive;

import javax.crypto.SecretKey;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * One sensitive text in its stored form: {@code maap-sealed:v1:<auditId>:<base64 nonce+ciphertext>},
 * AES-256-GCM under the audit's data key with the audit id as associated data.
 */
public final class SealedText {

    private SealedText() {
    }

    public static boolean isSealed(String text) {
        return text != null && text.startsWith(Sensitive.SEALED_PREFIX);
    }

    public static String seal(SecretKey key, String auditId, String plain) {
        return seal(key, auditId, plain, aad(auditId));
    }

    /**
     * Seals a text that belongs to one record (e.g. the return request a case number is kept for):
     * the record is part of the associated data, so the ciphertext cannot be copied onto another
     * record. Open it with {@link #open(String, java.util.function.Function, String)} and the same context.
     */
    public static String seal(SecretKey key, String auditId, String plain, String context) {
        return seal(key, auditId, plain, aad(auditId, context));
    }

    private static String seal(SecretKey key, String auditId, String plain, byte[] aad) {
        byte[] sealed = MasterKey.encrypt(key, plain.getBytes(StandardCharsets.UTF_8), aad);
        return Sensitive.SEALED_PREFIX + auditId + ":" + Base64.getEncoder().encodeToString(sealed);
    }

    /** The audit whose key sealed this text. */
    public static String keyId(String sealed) {
        String rest = sealed.substring(Sensitive.SEALED_PREFIX.length());
        int colon = rest.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("not a sealed text");
        }
        return rest.substring(0, colon);
    }

    /** The text, or {@link Sensitive#REMOVED} when the key is gone; a text that was never sealed is returned as it is. */
    public static String open(String text, java.util.function.Function<String, Optional<SecretKey>> keys) {
        return open(text, keys, null);
    }

    /** {@link #open(String, java.util.function.Function)} for a text sealed with a context. */
    public static String open(String text, java.util.function.Function<String, Optional<SecretKey>> keys, String context) {
        if (!isSealed(text)) {
            return text;
        }
        String auditId = keyId(text);
        String data = text.substring(Sensitive.SEALED_PREFIX.length() + auditId.length() + 1);
        byte[] aad = context == null ? aad(auditId) : aad(auditId, context);
        return keys.apply(auditId)
                .map(key -> new String(MasterKey.decrypt(key, Base64.getDecoder().decode(data), aad),
                        StandardCharsets.UTF_8))
                .orElse(Sensitive.REMOVED);
    }

    private static byte[] aad(String auditId) {
        return ("maap-text:" + auditId).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] aad(String auditId, String context) {
        return ("maap-text:" + auditId + ":" + context).getBytes(StandardCharsets.UTF_8);
    }
}
