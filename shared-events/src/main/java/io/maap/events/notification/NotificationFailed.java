package io.maap.events.notification;

import io.maap.events.EventType;
import io.maap.events.Nullable;

import java.time.Instant;

/**
 * A notification could not be delivered after every retry: it is shown as failed on the
 * "Sent notifications" page and is not tried again by itself. Sent once per notification.
 *
 * @param reason  why the last attempt failed, as the channel said (no addresses or content)
 * @param failedAt when it was given up
 */
@EventType(name = "maap.notification.failed", version = 1)
public record NotificationFailed(
        String notificationId,
        String sourceEventId,
        String kind,
        String recipientRole,
        @Nullable String agency,
        @Nullable String auditId,
        String contactId,
        String channel,
        int attempts,
        String reason,
        Instant failedAt) implements NotificationEvent {
}
