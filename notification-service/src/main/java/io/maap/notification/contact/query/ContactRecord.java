package io.maap.notification.contact.query;

import java.time.Instant;

/** One entry of the contacts directory, and who last changed it when. */
public record ContactRecord(String id, String partnership, String role, String agency, String auditId, String name,
                            String email, String updatedBy, Instant updatedAt) {
}
