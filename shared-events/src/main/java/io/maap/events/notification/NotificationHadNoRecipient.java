package io.maap.events.notification;

import io.maap.events.EventType;
import io.maap.events.Nullable;

import java.time.Instant;

/**
 * A notification was due but the contacts directory names no one in the role it is for (e.g. an
 * agency without a SPOC): there was no one to tell. Shown as such on the "Sent notifications"
 * page; adding the contact later does not send it retrospectively.
 */
@EventType(name = "maap.notification.had-no-recipient", version = 1)
public record NotificationHadNoRecipient(
        String notificationId,
        String sourceEventId,
        String kind,
        String recipientRole,
        @Nullable String agency,
        @Nullable String auditId,
        Instant recordedAt) implements NotificationEvent {
}
