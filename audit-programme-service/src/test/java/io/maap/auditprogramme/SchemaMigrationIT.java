package io.maap.auditprogramme;

import io.maap.testsupport.SchemaMigrationContract;
import org.springframework.context.ConfigurableApplicationContext;

/** audit-programme-service's Flyway migrations on PostgreSQL and H2: see {@link SchemaMigrationContract}. */
class SchemaMigrationIT extends SchemaMigrationContract {

    @Override
    protected ConfigurableApplicationContext start(String... arguments) {
        return AuditProgrammeApplication.builder().run(arguments);
    }

    @Override
    protected String name() {
        return "audit_programme";
    }
}
