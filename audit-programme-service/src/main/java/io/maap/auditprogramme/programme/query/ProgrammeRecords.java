package io.maap.auditprogramme.programme.query;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ProgrammeRecords extends JpaRepository<ProgrammeRecord, String> {
}
