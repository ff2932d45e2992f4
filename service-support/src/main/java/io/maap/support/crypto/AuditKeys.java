package io.maap.support.crypto;

import javax.crypto.SecretKey;
import java.time.Instant;
import java.util.Optional;

/**
 * Each audit's data key, kept wrapped by the {@link MasterKey} in the owning service's database
 * (table {@code audit_data_key}). Destroying it ({@link #shred}) makes every sensitive text of
 * the audit unreadable wherever it was copied: event store, topics, dead letters, backups.
 */
public interface AuditKeys {

    /** The audit's key, made at first use; empty when it was destroyed (text written then is not kept). */
    Optional<SecretKey> forWriting(String auditId);

    /** The audit's key; empty when there is none or it was destroyed. */
    Optional<SecretKey> forReading(String auditId);

    /**
     * Destroys the audit's key now. Returns false when it was already destroyed.
     *
     * @param by     who (user id) or what ({@code retention-policy}) destroyed it
     * @param reason why, e.g. {@code retention-policy} or {@code qa-coordinator}
     */
    boolean shred(String auditId, String by, String reason, Instant at);

    /** When and by whom the audit's key was destroyed, if it was. */
    Optional<Shredding> shredding(String auditId);

    record Shredding(String auditId, Instant shreddedAt, String shreddedBy, String reason) {
    }
}
