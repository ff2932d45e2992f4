package io.maap.notification.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Webhooks for agency systems ({@code maap.notifications.webhooks}).
 *
 * @param allowLocalHttp whether an endpoint on this machine ({@code localhost}, {@code 127.0.0.1}, {@code [::1]})
 *                       may be plain http: the local run only; everywhere else https only
 * @param timeout        how long one POST may take, connecting included
 */
@ConfigurationProperties("maap.notifications.webhooks")
public record WebhookProperties(Boolean allowLocalHttp, Duration timeout) {

    public WebhookProperties {
        allowLocalHttp = allowLocalHttp != null && allowLocalHttp;
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
    }
}
