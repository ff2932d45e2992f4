package io.maap.notification.notification.query;

import java.time.Instant;
import java.util.Map;

/**
 * One notification: its key (source event, recipient, kind), what it says, and what became of it.
 * {@code status} is PENDING, SENT, FAILED or NO_RECIPIENT (no one holds the role: no one to tell).
 */
public record NotificationRecord(String id, String sourceEventId, String recipient, String kind, String recipientRole,
                                 String contactId, String partnership, String agency, String auditId, boolean urgent,
                                 Map<String, String> params, String subject, String channel, String status, int attempts,
                                 Instant nextAttemptAt, String lastError, Instant createdAt, Instant finishedAt) {
}
