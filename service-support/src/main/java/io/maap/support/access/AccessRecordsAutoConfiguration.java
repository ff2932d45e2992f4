package io.maap.support.access;

import io.maap.support.security.ApiAccessRules;
import io.maap.support.security.MaapRole;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;

import static org.springframework.http.HttpMethod.GET;

/**
 * Access records ({@link AccessRecords}) where a service keeps them ({@code maap.access-records.enabled=true}):
 * in its own database (table {@code access_record}, from its Flyway migrations) unless it declares
 * another {@link AccessRecordStore}; the CSV export, for the QA coordinator alone.
 */
@AutoConfiguration(afterName = {"org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
        "io.maap.support.calendar.CalendarAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(name = "maap.access-records.enabled", havingValue = "true")
public class AccessRecordsAutoConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(JdbcTemplate.class)
    static class Jdbc {

        @Bean
        @ConditionalOnMissingBean(AccessRecordStore.class)
        @ConditionalOnBean(JdbcTemplate.class)
        JdbcAccessRecordStore maapJdbcAccessRecordStore(JdbcTemplate jdbc) {
            return new JdbcAccessRecordStore(jdbc);
        }
    }

    @Bean
    AccessRecords maapAccessRecords(AccessRecordStore store, Clock clock) {
        return new AccessRecords(store, clock);
    }

    @Bean
    AccessRecordExportController maapAccessRecordExportController(AccessRecordStore store) {
        return new AccessRecordExportController(store);
    }

    /** First, so that no broader rule of the service lets anyone else in. */
    @Bean
    @org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
    ApiAccessRules maapAccessRecordExportRules() {
        return rules -> rules.requestMatchers(GET, AccessRecordExportController.PATH).hasRole(MaapRole.QA_COORDINATOR.name());
    }
}
