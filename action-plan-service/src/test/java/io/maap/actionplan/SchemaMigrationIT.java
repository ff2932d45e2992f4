package io.maap.actionplan;

import io.maap.testsupport.SchemaMigrationContract;
import org.springframework.context.ConfigurableApplicationContext;

/** action-plan-service's Flyway migrations on PostgreSQL and H2: see {@link SchemaMigrationContract}. */
class SchemaMigrationIT extends SchemaMigrationContract {

    @Override
    protected ConfigurableApplicationContext start(String... arguments) {
        return ActionPlanApplication.builder().run(arguments);
    }

    @Override
    protected String name() {
        return "action_plan";
    }
}
