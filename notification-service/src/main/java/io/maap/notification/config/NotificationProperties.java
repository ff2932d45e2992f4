package io.maap.notification.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.Map;

/**
 * notification-service's settings ({@code maap.notifications}).
 *
 * @param partnership        the partnership whose directory is used when an event's programme is not known yet,
 *                           and by the contacts API when none is named
 * @param dashboardUrl       the dashboard's address, for the link in every message
 * @param channels           the channel per partnership: {@code smtp} (the default) or {@code notify}
 * @param from               the sender's address for SMTP
 * @param checkInterval      how often the dated checks (reminders, overdue digests, escalations) run
 * @param sendInterval       how often the outbox is sent
 * @param maxAttempts        attempts before a notification is shown as failed
 * @param firstRetry         the wait after the first failure; it doubles with each further failure
 * @param catchUpWorkingDays how many working days late a dated check may still send (after an outage)
 * @param govukNotify        GOV.UK Notify: API key, base URL and template ids
 */
@ConfigurationProperties("maap.notifications")
public record NotificationProperties(String partnership, String dashboardUrl, Map<String, String> channels, String from,
                                     Duration checkInterval, Duration sendInterval, Integer maxAttempts,
                                     Duration firstRetry, Integer catchUpWorkingDays, Notify govukNotify) {

    public NotificationProperties {
        partnership = partnership == null ? "default" : partnership;
        dashboardUrl = dashboardUrl == null ? "http://localhost:8080" : dashboardUrl;
        channels = channels == null ? Map.of() : Map.copyOf(channels);
        from = from == null ? "maap@localhost" : from;
        checkInterval = checkInterval == null ? Duration.ofSeconds(30) : checkInterval;
        sendInterval = sendInterval == null ? Duration.ofSeconds(2) : sendInterval;
        maxAttempts = maxAttempts == null ? 5 : maxAttempts;
        firstRetry = firstRetry == null ? Duration.ofSeconds(30) : firstRetry;
        catchUpWorkingDays = catchUpWorkingDays == null ? 5 : catchUpWorkingDays;
        govukNotify = govukNotify == null ? new Notify(null, null, null, Map.of()) : govukNotify;
    }

    /** The channel the partnership chose. */
    public String channelFor(String partnership) {
        return channels.getOrDefault(partnership, "smtp");
    }

    /**
     * @param apiKey          the service's API key (a secret: from the environment)
     * @param baseUrl         Notify's API (the client's default when unset)
     * @param defaultTemplate the template used for kinds with none of their own: it shows ((subject)) and ((body))
     * @param templates       a template id per notification kind, e.g. {@code REMINDER: <uuid>}
     */
    public record Notify(String apiKey, String baseUrl, String defaultTemplate, Map<String, String> templates) {

        public Notify {
            templates = templates == null ? Map.of() : Map.copyOf(templates);
        }

        public String templateFor(String kind) {
            return templates.getOrDefault(kind, defaultTemplate);
        }
    }
}
