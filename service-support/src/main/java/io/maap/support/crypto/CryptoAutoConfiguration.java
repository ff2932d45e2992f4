package io.maap.support.crypto;

import io.maap.support.messaging.KafkaClientSecurity;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;

/**
 * Envelope encryption of sensitive event text (ADR 0016). A service that writes such events
 * ({@code maap.crypto.audit-keys.enabled=true}) keeps the audit keys in its database and publishes
 * them, wrapped, on {@code maap.audit-keys.v1}; Axon's event serializer and the Kafka relay then
 * seal. A service that shows such text ({@code maap.crypto.key-ring.enabled=true}) reads them
 * back ({@link KeyRing}). Both need the master key, {@code maap.crypto.master-key}.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
public class CryptoAutoConfiguration {

    /**
     * {@code maap.crypto.master-key}, its {@code master-key-version} (1) and the {@code previous-master-keys}
     * it replaced (comma-separated base64), which only unwrap.
     */
    public static MasterKey masterKey(Environment environment) {
        String previous = environment.getProperty("maap.crypto.previous-master-keys", "");
        return MasterKey.fromBase64(environment.getProperty("maap.crypto.master-key"),
                environment.getProperty("maap.crypto.master-key-version", Integer.class, 1),
                java.util.Arrays.stream(previous.split(",")).map(String::strip).toList());
    }

    static String brokers(Environment environment) {
        return environment.getProperty("spring.cloud.stream.kafka.binder.brokers", "localhost:9092");
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "maap.crypto.audit-keys.enabled", havingValue = "true")
    static class Owner {

        @Bean
        @ConditionalOnMissingBean(KeyDistribution.class)
        @ConditionalOnProperty(name = "maap.crypto.audit-keys.publish", havingValue = "true", matchIfMissing = true)
        KeyTopicPublisher auditKeyPublisher(Environment environment) {
            return new KeyTopicPublisher(brokers(environment), KafkaClientSecurity.from(environment).clientProperties());
        }

        /** The key store's own connections, apart from those commands hold (closed with the context). */
        @Bean
        @ConditionalOnMissingBean
        @ConditionalOnBean(DataSourceProperties.class)
        AuditKeyPool auditKeyPool(DataSource dataSource, DataSourceProperties properties) {
            return AuditKeyPool.of(dataSource, properties);
        }

        @Bean
        @ConditionalOnMissingBean
        AuditKeys auditKeys(DataSource dataSource, PlatformTransactionManager transactions, Environment environment,
                            ObjectProvider<KeyDistribution> distribution, ObjectProvider<AuditKeyPool> pool) {
            Duration cacheMaxAge = environment.getProperty("maap.crypto.key-cache-max-age", Duration.class,
                    JdbcAuditKeys.DEFAULT_CACHE_MAX_AGE);
            KeyDistribution published = distribution.getIfAvailable(() -> KeyDistribution.NONE);
            AuditKeyPool own = pool.getIfAvailable();
            if (own == null) { // a datasource made by hand: the key store's transactions share its pool
                return new JdbcAuditKeys(new JdbcTemplate(dataSource), masterKey(environment), transactions, published,
                        cacheMaxAge, Clock.systemUTC());
            }
            return new JdbcAuditKeys(new JdbcTemplate(dataSource), own.jdbc(), masterKey(environment), own.transactions(),
                    published, cacheMaxAge, Clock.systemUTC());
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "maap.crypto.key-ring.enabled", havingValue = "true")
    static class Reader {

        @Bean
        @ConditionalOnMissingBean
        KeyRing auditKeyRing(Environment environment) {
            return new KeyRing(brokers(environment), KafkaClientSecurity.from(environment).clientProperties(),
                    masterKey(environment));
        }
    }
}
