package io.maap.casereturn.config;

import io.maap.casereturn.casenumber.query.SealAgencyCaseNumbers;
import io.maap.support.crypto.AuditKeys;
import io.maap.support.crypto.JdbcAuditKeys;
import io.maap.support.crypto.CryptoAutoConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The audit keys' share of start-up (ADR 0016): the Java migration that seals agency case numbers
 * kept in clear (Flyway picks up {@code JavaMigration} beans), the publication of any key that
 * migration made, so the readers have it before the key is first used, and, after the master key
 * was rotated, the wrapping of every data key again under the current one (each republished).
 */
@Configuration(proxyBeanMethods = false)
public class AuditKeysConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AuditKeysConfiguration.class);

    @Bean
    SealAgencyCaseNumbers sealAgencyCaseNumbers(Environment environment) {
        return new SealAgencyCaseNumbers(CryptoAutoConfiguration.masterKey(environment));
    }

    @Bean
    ApplicationRunner publishPendingAuditKeys(ObjectProvider<AuditKeys> keys) {
        return args -> {
            if (keys.getIfAvailable() instanceof JdbcAuditKeys jdbcKeys) {
                try {
                    int published = jdbcKeys.publishPending();
                    if (published > 0) {
                        log.info("Published {} audit key(s) made by a migration", published);
                    }
                } catch (RuntimeException e) { // each is published before its first use anyway
                    log.warn("Could not publish the audit keys made by a migration yet: {}", e.getMessage());
                }
                try {
                    int rewrapped = jdbcKeys.rewrapAll();
                    if (rewrapped > 0) {
                        log.info("Wrapped {} audit key(s) again under the current master key", rewrapped);
                    }
                } catch (RuntimeException e) { // the previous master keys still unwrap them; the next start tries again
                    log.warn("Could not wrap the audit keys again under the current master key yet: {}", e.getMessage());
                }
            }
        };
    }
}
