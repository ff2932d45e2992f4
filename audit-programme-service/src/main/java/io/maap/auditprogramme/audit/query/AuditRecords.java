package io.maap.auditprogramme.audit.query;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

public interface AuditRecords extends JpaRepository<AuditRecord, String> {

    List<AuditRecord> findByProgrammeIdOrderByAuditId(String programmeId);
}
