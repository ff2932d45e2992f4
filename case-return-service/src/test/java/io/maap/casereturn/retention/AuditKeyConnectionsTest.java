package io.maap.casereturn.retention;

import com.zaxxer.hikari.HikariDataSource;
import io.maap.support.crypto.AuditKeyPool;
import io.maap.support.crypto.JdbcAuditKeys;
import io.maap.support.crypto.KeyDistribution;
import io.maap.support.crypto.MasterKey;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A command asks for its audit's key while it holds a connection (appending its events): when the
 * key exists, it is read on that connection; when it is made, that is on the key store's own pool.
 * So commands never hold one of the service's connections and wait for a second. The service's
 * pool here has one connection, taken by the command's transaction: a second would wait out the
 * pool's timeout and fail.
 */
class AuditKeyConnectionsTest {

    HikariDataSource pool;
    AuditKeyPool keyPool;
    JdbcAuditKeys keys;
    TransactionTemplate command;

    @BeforeEach
    void onePooledConnection() {
        String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration/case-return-service/h2").load().migrate();
        pool = new HikariDataSource();
        pool.setJdbcUrl(url);
        pool.setUsername("sa");
        pool.setMaximumPoolSize(1);
        pool.setConnectionTimeout(250);
        keyPool = AuditKeyPool.of(pool, new DataSourceProperties()); // the service pool's settings, its own size
        // no cache: every use reads the key's row
        keys = new JdbcAuditKeys(new JdbcTemplate(pool), keyPool.jdbc(), MasterKey.fromBase64("bWFhcC1sb2NhbC1kZW1vLW1hc3Rlci1rZXktMzJieXQ="),
                keyPool.transactions(), KeyDistribution.NONE, Duration.ZERO, Clock.systemUTC());
        command = new TransactionTemplate(new DataSourceTransactionManager(pool));
    }

    @AfterEach
    void close() {
        pool.close();
        keyPool.close();
    }

    @Test
    void anAuditsFirstKeyIsMadeOnTheKeyStoresOwnConnections() {
        byte[] made = command.execute(status -> {
            byte[] key = keys.forWriting("neglect-2017").orElseThrow().getEncoded();
            status.setRollbackOnly();
            return key;
        });

        assertThat(keys.forReading("neglect-2017").orElseThrow().getEncoded())
                .as("committed in a transaction of its own: kept though the command rolled back").isEqualTo(made);
    }

    @Test
    void anExistingKeyIsReadOnTheConnectionTheCommandHolds() {
        byte[] made = keys.forWriting("neglect-2017").orElseThrow().getEncoded(); // made in a transaction of its own

        byte[] inCommand = command.execute(status -> keys.forWriting("neglect-2017").orElseThrow().getEncoded());

        assertThat(inCommand).isEqualTo(made);
        assertThat(pool.getHikariPoolMXBean().getActiveConnections()).isZero();
    }

    @Test
    void aDestroyedKeyIsNoneThereToo() {
        keys.forWriting("neglect-2017");
        keys.shred("neglect-2017", "qa.coordinator", "on request", java.time.Instant.now());

        java.util.Optional<javax.crypto.SecretKey> key = command.execute(status -> keys.forWriting("neglect-2017"));
        assertThat(key).isEmpty();
    }
}
