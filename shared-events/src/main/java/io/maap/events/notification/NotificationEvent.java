package io.maap.events.notification;

/**
 * Events published by notification-service on {@code maap.notifications.events.v1}: what became
 * of each notification it decided to send. One of these per notification, keyed by the
 * notification id; a notification's id is derived from (source event id, recipient, kind), so a
 * replayed source event never yields a second one. They carry no address, name or case content:
 * who was told is a role, an agency and a contact id from the partnership's contacts directory.
 */
public sealed interface NotificationEvent permits NotificationSent, NotificationFailed, NotificationHadNoRecipient {
}
