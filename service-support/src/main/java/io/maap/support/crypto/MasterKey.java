package io.maap.support.crypto;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * The key-encryption key from configuration ({@code maap.crypto.master-key}: 32 bytes, base64). It
 * wraps each audit's data key with the JDK's AES-256-GCM (a random 96-bit nonce per wrap, the key
 * id as associated data, so a wrapped key cannot be passed off as another audit's). It is never
 * stored; only wrapped data keys are.
 *
 * <p>Rotation: the master key has a version ({@code maap.crypto.master-key-version}, 1 by default),
 * kept with each key it wraps; the keys it replaced ({@code maap.crypto.previous-master-keys})
 * still unwrap what they wrapped (GCM's tag tells which key fits) until every data key is wrapped
 * again under the current one ({@code JdbcAuditKeys#rewrapAll}).
 */
public final class MasterKey {

    static final String AES = "AES";
    static final String GCM = "AES/GCM/NoPadding";
    static final int NONCE_BYTES = 12;
    static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    /**
     * One AES-GCM cipher per thread, initialised afresh (key, nonce) for every text: looking the
     * algorithm up in the providers and expanding the key for each of a submission's dozen answers
     * was most of the cost of sealing them (BENCHMARKS.md, "Where a submission's CPU went"). A
     * cipher is not thread-safe; {@code init} resets whatever state a failed call left.
     */
    private static final ThreadLocal<Cipher> CIPHER = ThreadLocal.withInitial(MasterKey::newCipher);

    private final SecretKey key;
    private final int version;
    private final List<SecretKey> previous;

    private MasterKey(SecretKey key, int version, List<SecretKey> previous) {
        this.key = key;
        this.version = version;
        this.previous = List.copyOf(previous);
    }

    /** The master key, version 1, with no previous keys. */
    public static MasterKey fromBase64(String base64) {
        return new MasterKey(secret(base64), 1, List.of());
    }

    /** The current master key, its version, and the keys it replaced (base64, any order; blanks ignored). */
    public static MasterKey fromBase64(String base64, int version, List<String> previousBase64) {
        if (version < 1) {
            throw new IllegalArgumentException("maap.crypto.master-key-version must be 1 or more, not " + version);
        }
        return new MasterKey(secret(base64), version, previousBase64.stream().filter(p -> p != null && !p.isBlank())
                .map(MasterKey::secret).toList());
    }

    /** The version of the current key, kept with each data key it wraps. */
    public int version() {
        return version;
    }

    private static SecretKey secret(String base64) {
        if (base64 == null || base64.isBlank()) {
            throw new IllegalArgumentException("maap.crypto.master-key is not set");
        }
        byte[] bytes = Base64.getDecoder().decode(base64.strip());
        if (bytes.length != 32) {
            throw new IllegalArgumentException("maap.crypto.master-key must be 32 bytes (base64), not " + bytes.length);
        }
        return new SecretKeySpec(bytes, AES);
    }

    /** A new random AES-256 data key. */
    public static SecretKey newDataKey() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return new SecretKeySpec(bytes, AES);
    }

    public byte[] wrap(SecretKey dataKey, String keyId) {
        return encrypt(key, dataKey.getEncoded(), aad(keyId));
    }

    /** Unwraps with the current key, or else with the previous key that wrapped it. */
    public SecretKey unwrap(byte[] wrapped, String keyId) {
        try {
            return new SecretKeySpec(decrypt(key, wrapped, aad(keyId)), AES);
        } catch (IllegalStateException notThisKey) {
            for (SecretKey earlier : previous) {
                try {
                    return new SecretKeySpec(decrypt(earlier, wrapped, aad(keyId)), AES);
                } catch (IllegalStateException notThatOneEither) {
                    // the next one, if any
                }
            }
            throw notThisKey;
        }
    }

    private static byte[] aad(String keyId) {
        return ("maap-data-key:" + keyId).getBytes(StandardCharsets.UTF_8);
    }

    /** AES-GCM: nonce followed by ciphertext and tag. */
    static byte[] encrypt(SecretKey key, byte[] plain, byte[] aad) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = CIPHER.get();
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad);
            byte[] sealed = cipher.doFinal(plain);
            byte[] out = Arrays.copyOf(nonce, NONCE_BYTES + sealed.length);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    static byte[] decrypt(SecretKey key, byte[] nonceAndCiphertext, byte[] aad) {
        try {
            Cipher cipher = CIPHER.get();
            cipher.init(Cipher.DECRYPT_MODE, key,
                    new GCMParameterSpec(TAG_BITS, nonceAndCiphertext, 0, NONCE_BYTES));
            cipher.updateAAD(aad);
            return cipher.doFinal(nonceAndCiphertext, NONCE_BYTES, nonceAndCiphertext.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM decryption failed (wrong key or altered data)", e);
        }
    }

    private static Cipher newCipher() {
        try {
            return Cipher.getInstance(GCM);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK offers no " + GCM, e);
        }
    }
}
