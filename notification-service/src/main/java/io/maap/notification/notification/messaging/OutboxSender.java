package io.maap.notification.notification.messaging;

import io.maap.notification.config.NotificationProperties;
import io.maap.notification.contact.query.ContactRecord;
import io.maap.notification.contact.query.Contacts;
import io.maap.notification.notification.query.NotificationRecord;
import io.maap.notification.notification.query.Outbox;
import io.maap.notification.rules.command.Kind;
import io.maap.notification.rules.command.Message;
import io.maap.notification.rules.command.Templates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Works through the outbox: each due notification is rendered and handed to its partnership's
 * channel. A failure is tried again after a wait that doubles each time; after the last attempt
 * the notification is shown as failed, never dropped. A row for an agency's system goes to its
 * webhook the same way. Then each finished notification's outcome is
 * published. It runs as a db-scheduler task, so on one instance at a time.
 */
@Component
public class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
    private static final int BATCH = 50;
    private static final RetryTemplate MARK_SENT = new RetryTemplate(RetryPolicy.builder().maxRetries(8)
            .delay(Duration.ofMillis(500)).multiplier(2).maxDelay(Duration.ofSeconds(5)).build());

    private final Outbox outbox;
    private final Contacts contacts;
    private final Templates templates;
    private final Channels channels;
    private final NotificationProperties properties;
    private final OutcomePublisher publisher;
    private final Clock clock;
    private final WebhookSender webhooks;

    public OutboxSender(Outbox outbox, Contacts contacts, Templates templates, Channels channels,
                        NotificationProperties properties, OutcomePublisher publisher, Clock clock, WebhookSender webhooks) {
        this.outbox = outbox;
        this.webhooks = webhooks;
        this.contacts = contacts;
        this.templates = templates;
        this.channels = channels;
        this.properties = properties;
        this.publisher = publisher;
        this.clock = clock;
    }

    public void sendDue() {
        for (NotificationRecord n : outbox.due(clock.instant(), BATCH)) {
            send(n);
        }
        for (NotificationRecord n : outbox.unpublished(BATCH)) {
            publisher.publish(n);
            outbox.published(n.id());
        }
    }

    private void send(NotificationRecord n) {
        if (WebhookEvents.isWebhook(n)) {
            attempt(n, WebhookChannel.NAME, () -> webhooks.send(n));
            return;
        }
        String channelName = properties.channelFor(n.partnership());
        Channel channel = channels.get(channelName);
        Optional<ContactRecord> contact = contacts.find(n.contactId());
        if (channel == null) {
            outbox.attemptFailed(n.id(), channelName.toUpperCase(java.util.Locale.ROOT),
                    "channel '" + channelName + "' is not configured", clock.instant(), null);
            return;
        }
        if (contact.isEmpty()) {
            outbox.attemptFailed(n.id(), channel.name(), "the contact was removed from the directory", clock.instant(), null);
            return;
        }
        Message message = templates.render(Kind.valueOf(n.kind()), n.params(), n.urgent());
        attempt(n, channel.name(), () -> channel.send(contact.get().email(), n.kind(), message, n.id()));
    }

    /** One attempt: marked sent, or tried again after the doubling wait, or (last attempt, permanent) failed. */
    private void attempt(NotificationRecord n, String channelName, Attempt attempt) {
        try {
            attempt.run();
        } catch (Channel.PermanentFailure e) {
            log.warn("Notification {} failed for good: {}", n.id(), e.getMessage());
            outbox.attemptFailed(n.id(), channelName, e.getMessage(), clock.instant(), null);
        } catch (Exception e) {
            int attempts = n.attempts() + 1;
            Instant retryAt = attempts >= properties.maxAttempts() ? null
                    : clock.instant().plus(properties.firstRetry().multipliedBy(1L << Math.min(attempts - 1, 16)));
            log.warn("Notification {} attempt {} failed{}: {}", n.id(), attempts, retryAt == null ? " (giving up)" : "",
                    e.toString());
            outbox.attemptFailed(n.id(), channelName, e.getClass().getSimpleName() + ": " + e.getMessage(),
                    clock.instant(), retryAt);
            return;
        }
        markSent(n.id(), channelName);
    }

    /**
     * The channel accepted it: failing to record that is what would send it again, so a database
     * that is briefly away (a restart, a failover) is waited for, up to about half a minute.
     */
    private void markSent(String id, String channelName) {
        try {
            MARK_SENT.execute(() -> {
                outbox.sent(id, channelName, clock.instant());
                return null;
            });
        } catch (RetryException e) {
            throw new IllegalStateException("Notification " + id + " was accepted by " + channelName
                    + " but could not be marked sent: it will be sent again", e.getCause());
        }
    }

    private interface Attempt {
        void run() throws Exception;
    }

    /** The wait before attempt {@code attempt + 1}; for the docs and tests. */
    public static Duration backoff(Duration first, int attempt) {
        return first.multipliedBy(1L << Math.min(attempt - 1, 16));
    }
}
