package io.maap.notification.notification.messaging;

import io.cloudevents.CloudEvent;
import io.maap.notification.contact.query.AgencyWebhook;
import io.maap.notification.contact.query.AgencyWebhooks;
import io.maap.notification.notification.query.NotificationRecord;
import io.maap.notification.rules.command.Kind;
import io.maap.notification.rules.command.Templates;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Sends an outbox row meant for an agency's system: the agency's current endpoint and secret from
 * the directory, the CloudEvent (a notification or a relayed outcome), the signed POST. The
 * Standard Webhooks id is the notification's id, the same on every attempt.
 */
@Component
public class WebhookSender {

    private final AgencyWebhooks webhooks;
    private final WebhookChannel channel;
    private final Templates templates;
    private final String source;

    public WebhookSender(AgencyWebhooks webhooks, WebhookChannel channel, Templates templates,
                         @Value("${maap.events.source}") String source) {
        this.webhooks = webhooks;
        this.channel = channel;
        this.templates = templates;
        this.source = source;
    }

    public void send(NotificationRecord n) throws Exception {
        AgencyWebhook endpoint = webhooks.find(n.partnership(), n.agency()).orElseThrow(() ->
                new Channel.PermanentFailure("the agency's webhook was removed from the directory", null));
        CloudEvent event = WebhookEvents.OUTCOME_KIND.equals(n.kind()) ? WebhookEvents.outcome(n)
                : WebhookEvents.notification(n, templates.render(Kind.valueOf(n.kind()), n.params(), n.urgent()), source);
        channel.deliver(endpoint, n.id(), event);
    }
}
