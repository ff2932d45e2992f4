package io.maap.casereturn;

import io.maap.testsupport.SchemaMigrationContract;
import org.springframework.context.ConfigurableApplicationContext;

/** case-return-service's Flyway migrations on PostgreSQL and H2: see {@link SchemaMigrationContract}. */
class SchemaMigrationIT extends SchemaMigrationContract {

    @Override
    protected ConfigurableApplicationContext start(String... arguments) {
        return CaseReturnApplication.builder().run(arguments);
    }

    @Override
    protected String name() {
        return "case_return";
    }
}
