package io.maap.support.migration;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;

/** The services' Flyway migrations run one instance at a time ({@link OneMigrationAtATime}). */
@AutoConfiguration
@ConditionalOnClass(FlywayMigrationStrategy.class)
public class MigrationAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public FlywayMigrationStrategy oneMigrationAtATime() {
        return new OneMigrationAtATime();
    }
}
