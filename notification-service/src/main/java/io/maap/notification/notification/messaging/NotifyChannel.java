package io.maap.notification.notification.messaging;

import io.maap.notification.config.NotificationProperties;
import io.maap.notification.rules.command.Message;
import uk.gov.service.notify.NotificationClient;
import uk.gov.service.notify.NotificationClientException;

import java.util.Map;

/**
 * GOV.UK Notify through its official Java client. The API key, base URL and template ids come from
 * configuration; a kind's template receives the message's {@code subject} and {@code body} as
 * personalisation, and the notification id as Notify's reference. A 400 or 403 from Notify (a bad
 * template, address or key) is permanent; anything else is tried again.
 */
public class NotifyChannel implements Channel {

    private final NotificationClient client;
    private final NotificationProperties.Notify settings;

    public NotifyChannel(NotificationProperties.Notify settings) {
        this.settings = settings;
        this.client = settings.baseUrl() == null ? new NotificationClient(settings.apiKey())
                : new NotificationClient(settings.apiKey(), settings.baseUrl());
    }

    @Override
    public String name() {
        return "NOTIFY";
    }

    @Override
    public void send(String address, String kind, Message message, String reference) throws Exception {
        String template = settings.templateFor(kind);
        if (template == null) {
            throw new PermanentFailure("no Notify template configured for " + kind, null);
        }
        try {
            client.sendEmail(template, address, Map.of("subject", message.subject(), "body", message.body(),
                    "urgent", message.urgent() ? "yes" : "no"), reference);
        } catch (NotificationClientException e) {
            if (e.getHttpResult() == 400 || e.getHttpResult() == 403) {
                throw new PermanentFailure("Notify refused it (" + e.getHttpResult() + ")", e);
            }
            throw e;
        }
    }
}
