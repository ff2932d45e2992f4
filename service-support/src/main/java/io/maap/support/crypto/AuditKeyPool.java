package io.maap.support.crypto;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A small connection pool of the service's database for {@link JdbcAuditKeys}' own transactions
 * (ADR 0016): a command making its audit's first key already holds one of the service's
 * connections. Were the key's transaction to take a second from the same pool, as many such
 * commands as the pool has connections would each hold one and wait for another until the pool's
 * timeout. Here they wait for this pool's, whose holders wait for nothing else.
 */
public final class AuditKeyPool implements AutoCloseable {

    /** Connections: key transactions are a few statements each, once per audit. */
    public static final int SIZE = 2;

    private final HikariDataSource dataSource;

    private AuditKeyPool(HikariDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A pool of {@link #SIZE} connections with the service's datasource settings; none opened until used. */
    public static AuditKeyPool of(DataSourceProperties properties) {
        HikariDataSource dataSource = properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
        dataSource.setPoolName("audit-keys");
        dataSource.setMaximumPoolSize(SIZE);
        dataSource.setMinimumIdle(0);
        return new AuditKeyPool(dataSource);
    }

    public JdbcTemplate jdbc() {
        return new JdbcTemplate(dataSource);
    }

    public PlatformTransactionManager transactions() {
        return new DataSourceTransactionManager(dataSource);
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
