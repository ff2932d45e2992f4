package io.maap.notification.contact.query;

import io.maap.support.crypto.MasterKey;

import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * An agency webhook's signing secret as it is stored: sealed with the master key
 * ({@code maap.crypto.master-key}, ADR 0016), {@code maap-webhook-secret:v1:<base64>}. The secret's
 * bytes are wrapped as the master key wraps an audit's data key (AES-256-GCM, a random nonce each
 * time), bound to its partnership and agency as associated data, so a sealed secret copied to
 * another agency's row does not open. The database alone never gives the secret away.
 */
public final class WebhookSecretSeal {

    static final String PREFIX = "maap-webhook-secret:v1:";

    private final MasterKey masterKey;

    public WebhookSecretSeal(MasterKey masterKey) {
        this.masterKey = masterKey;
    }

    public static boolean isSealed(String stored) {
        return stored != null && stored.startsWith(PREFIX);
    }

    public String seal(String partnership, String agency, String secret) {
        byte[] wrapped = masterKey.wrap(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "AES"),
                keyId(partnership, agency));
        return PREFIX + Base64.getEncoder().encodeToString(wrapped);
    }

    public String open(String partnership, String agency, String stored) {
        if (!isSealed(stored)) {
            throw new IllegalStateException("The webhook secret of " + agency + " is not sealed");
        }
        byte[] wrapped = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
        return new String(masterKey.unwrap(wrapped, keyId(partnership, agency)).getEncoded(), StandardCharsets.UTF_8);
    }

    private static String keyId(String partnership, String agency) {
        return "agency-webhook-secret:" + partnership + ":" + agency;
    }
}
