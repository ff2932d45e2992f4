package io.maap.notification.contact.query;

import java.time.Instant;

/** One attributed change to the directory: who created, changed or removed which entry, when. */
public record ContactChange(String contactId, String partnership, String agency, String changeKind, String changedBy,
                            Instant changedAt, String summary) {
}
