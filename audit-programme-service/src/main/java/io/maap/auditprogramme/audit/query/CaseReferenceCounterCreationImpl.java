package io.maap.auditprogramme.audit.query;

import org.springframework.jdbc.core.JdbcTemplate;

class CaseReferenceCounterCreationImpl implements CaseReferenceCounterCreation {

    private final JdbcTemplate jdbc;

    CaseReferenceCounterCreationImpl(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void create(String programmeId, int lastNumber) {
        jdbc.update("INSERT INTO case_reference_counter (programme_id, last_number) VALUES (?, ?)", programmeId, lastNumber);
    }
}
