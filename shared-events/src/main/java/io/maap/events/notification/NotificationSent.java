package io.maap.events.notification;

import io.maap.events.EventType;
import io.maap.events.Nullable;

import java.time.Instant;

/**
 * A notification was handed to its channel (GOV.UK Notify, SMTP or an agency's webhook), which
 * accepted it. Sent once per notification.
 *
 * @param notificationId the notification's id, derived from its source, recipient and kind
 * @param sourceEventId  the event (or dated check, e.g. {@code reminder:<audit>:<agency>:<date>}) it answers
 * @param kind           what it tells, e.g. {@code TOOL_SENT}, {@code REMINDER}, {@code SAFEGUARDING_CONCERN}
 * @param recipientRole  the recipient's role in the contacts directory, e.g. {@code AGENCY_SPOC}
 * @param agency         the agency it concerns, if one
 * @param auditId        the audit it concerns, if one
 * @param contactId      the directory entry it was sent to
 * @param channel        {@code NOTIFY}, {@code SMTP} or {@code WEBHOOK}
 * @param attempts       how many attempts it took
 * @param sentAt         when the channel accepted it
 */
@EventType(name = "maap.notification.sent", version = 1)
public record NotificationSent(
        String notificationId,
        String sourceEventId,
        String kind,
        String recipientRole,
        @Nullable String agency,
        @Nullable String auditId,
        String contactId,
        String channel,
        int attempts,
        Instant sentAt) implements NotificationEvent {
}
