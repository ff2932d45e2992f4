package io.maap.auditprogramme.audit.query;

import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.util.List;

class IssuedCaseReferenceInsertionImpl implements IssuedCaseReferenceInsertion {

    private final JdbcTemplate jdbc;

    IssuedCaseReferenceInsertionImpl(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insertAll(List<IssuedCaseReference> references) {
        jdbc.batchUpdate("INSERT INTO issued_case_reference"
                        + " (case_reference, programme_id, sequence_number, audit_id, sample_position, issued_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?)",
                references, references.size(), (statement, reference) -> {
                    statement.setString(1, reference.getCaseReference());
                    statement.setString(2, reference.getProgrammeId());
                    statement.setInt(3, reference.getSequenceNumber());
                    statement.setString(4, reference.getAuditId());
                    statement.setInt(5, reference.getSamplePosition());
                    statement.setTimestamp(6, Timestamp.from(reference.getIssuedAt()));
                });
    }
}
