package io.maap.notification.notification.messaging;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;

/**
 * What an agency's webhook endpoint and secret must be: an absolute https URL (plain http only to
 * this machine, and only where allowed: the local run), without credentials in it; a Standard
 * Webhooks secret, {@code whsec_} and the base64 of 24 to 64 random bytes.
 */
public final class WebhookAddress {

    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    private WebhookAddress() {
    }

    /** The endpoint, checked; an {@link IllegalArgumentException} saying what is wrong otherwise. */
    public static URI check(String url, boolean allowLocalHttp) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalArgumentException("url: not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || host.isEmpty()) {
            throw new IllegalArgumentException("url: must be an absolute https URL");
        }
        if (uri.getUserInfo() != null) {
            throw new IllegalArgumentException("url: must not carry credentials");
        }
        if ("https".equals(scheme)) {
            return uri;
        }
        if ("http".equals(scheme) && allowLocalHttp && LOCAL_HOSTS.contains(host)) {
            return uri;
        }
        throw new IllegalArgumentException("url: must use https" + (allowLocalHttp ? " (plain http only to localhost)" : ""));
    }

    /** The secret's key bytes; an {@link IllegalArgumentException} when it is not a Standard Webhooks secret. */
    public static byte[] key(String secret) {
        if (secret == null || !secret.startsWith("whsec_")) {
            throw new IllegalArgumentException("secret: must be a Standard Webhooks secret, whsec_ and base64");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("secret: the part after whsec_ is not base64");
        }
        if (key.length < 24 || key.length > 64) {
            throw new IllegalArgumentException("secret: must be 24 to 64 random bytes");
        }
        return key;
    }
}
