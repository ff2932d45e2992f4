package io.maap.casereturn.casenumber.query;

import io.maap.events.Sensitive;
import io.maap.support.crypto.AuditKeys;
import io.maap.support.crypto.SealedText;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Seals an agency's own case number under its audit's data key (AES-256-GCM, ADR 0016), bound to
 * its return request, so the mapping is never stored in clear and becomes unreadable, with the
 * rest of the audit's text, when the audit's key is destroyed.
 */
@Component
public class CaseNumberSeal {

    private final AuditKeys keys;

    public CaseNumberSeal(AuditKeys keys) {
        this.keys = keys;
    }

    /** The stored form; empty when the audit's key was destroyed (nothing may be kept for it then). */
    public Optional<String> seal(String auditId, String returnRequestId, String caseNumber) {
        return keys.forWriting(auditId).map(key -> SealedText.seal(key, auditId, caseNumber, context(returnRequestId)));
    }

    /** The number, or {@link Sensitive#REMOVED} when the audit's key was destroyed. */
    public String open(String returnRequestId, String stored) {
        return SealedText.open(stored, keys::forReading, context(returnRequestId));
    }

    static String context(String returnRequestId) {
        return "agency-case-number:" + returnRequestId;
    }
}
