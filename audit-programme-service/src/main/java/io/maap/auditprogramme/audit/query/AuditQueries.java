package io.maap.auditprogramme.audit.query;

import io.maap.support.domain.RuleViolation;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Optional;

/** Reads audits from the query table, never from aggregates. */
@Service
@Transactional(readOnly = true)
public class AuditQueries {

    private final AuditRecords records;

    public AuditQueries(AuditRecords records) {
        this.records = records;
    }

    /** Themed and Section 11 audits share one id space; refuses an id already used by the other kind. */
    public void requireIdFreeFor(String auditId, String kind) {
        find(auditId).filter(view -> !kind.equals(view.kind)).ifPresent(view -> {
            throw new RuleViolation("audit-id-taken", "The id '" + auditId + "' belongs to a "
                    + ("SECTION_11".equals(view.kind) ? "Section 11" : "themed") + " audit.");
        });
    }

    public Optional<AuditView> find(String auditId) {
        return records.findById(auditId).map(AuditRecord::view);
    }
}
