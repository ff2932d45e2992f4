package io.maap.notification.notification.messaging;

import io.cloudevents.CloudEvent;
import io.cloudevents.http.HttpMessageFactory;
import io.cloudevents.jackson.JsonFormat;
import io.maap.notification.contact.query.AgencyWebhook;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An agency system's webhook: the CloudEvent is POSTed in the HTTP binding's structured mode
 * (written by the CloudEvents SDK: {@code application/cloudevents+json}) and signed as Standard
 * Webhooks describes: {@code webhook-id}, {@code webhook-timestamp} (Unix seconds) and
 * {@code webhook-signature} = {@code v1,} + base64(HMAC-SHA256(key, id + "." + timestamp + "." + body)),
 * the key being the base64 after the secret's {@code whsec_}. Only a 2xx is success; redirects are
 * not followed (a 3xx is a failure, tried again like any other). An endpoint that is not https
 * (nor localhost where allowed) or a bad secret is a permanent failure.
 */
public class WebhookChannel {

    public static final String NAME = "WEBHOOK";
    private static final JsonFormat JSON = new JsonFormat();

    private final HttpClient http;
    private final Duration timeout;
    private final boolean allowLocalHttp;
    private final Clock clock;

    public WebhookChannel(Duration timeout, boolean allowLocalHttp, Clock clock) {
        this.timeout = timeout;
        this.allowLocalHttp = allowLocalHttp;
        this.clock = clock;
        this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(timeout).build();
    }

    /**
     * POSTs the event, signed; returns when the endpoint answered 2xx.
     *
     * @param webhookId the Standard Webhooks message id: the notification's id, the same on every attempt
     */
    public void deliver(AgencyWebhook endpoint, String webhookId, CloudEvent event) throws Exception {
        URI uri;
        byte[] key;
        try {
            uri = WebhookAddress.check(endpoint.url(), allowLocalHttp);
            key = WebhookAddress.key(endpoint.secret());
        } catch (IllegalArgumentException e) {
            throw new Channel.PermanentFailure("the agency's webhook is not usable: " + e.getMessage(), e);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        byte[][] body = new byte[1][];
        HttpMessageFactory.createWriter(headers::put, bytes -> body[0] = bytes).writeStructured(event, JSON);
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body[0]))
                .header("webhook-id", webhookId)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", signature(key, webhookId, timestamp, body[0]));
        headers.forEach(request::header);
        HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
        int status = response.statusCode();
        if (status < 200 || status > 299) {
            throw new WebhookRefused("the agency's webhook answered " + status
                    + (status >= 300 && status < 400 ? " (a redirect: not followed)" : ""));
        }
    }

    /** The Standard Webhooks signature: {@code v1,} and base64(HMAC-SHA256(key, id.timestamp.body)). */
    public static String signature(byte[] key, String webhookId, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((webhookId + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** The endpoint answered, but not with a 2xx. */
    public static final class WebhookRefused extends Exception {
        public WebhookRefused(String message) {
            super(message);
        }
    }
}
