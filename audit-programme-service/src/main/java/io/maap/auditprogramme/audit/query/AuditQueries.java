package io.maap.auditprogramme.audit.query;

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

    public Optional<AuditView> find(String auditId) {
        return records.findById(auditId).map(AuditRecord::view);
    }
}
