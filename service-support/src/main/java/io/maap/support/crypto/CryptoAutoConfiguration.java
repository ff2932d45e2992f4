package io.maap.support.crypto;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;

/**
 * Envelope encryption of sensitive event text (ADR 0016), for a service that writes such events
 * ({@code maap.crypto.audit-keys.enabled=true}): the master key from {@code maap.crypto.master-key},
 * the audit keys in the service's database. Axon's event serializer then seals
 * ({@link SealingSerializer}).
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
@ConditionalOnProperty(name = "maap.crypto.audit-keys.enabled", havingValue = "true")
public class CryptoAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public AuditKeys auditKeys(DataSource dataSource, PlatformTransactionManager transactions, Environment environment) {
        return new JdbcAuditKeys(new JdbcTemplate(dataSource),
                MasterKey.fromBase64(environment.getProperty("maap.crypto.master-key")), transactions);
    }
}
