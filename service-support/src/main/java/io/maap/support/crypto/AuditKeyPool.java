package io.maap.support.crypto;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;
import java.sql.SQLException;

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

    /**
     * A pool of {@link #SIZE} connections with the service pool's settings (all of HikariCP's,
     * driver properties such as TLS included) when that pool is HikariCP's, else with the
     * datasource's URL and credentials; none opened until used.
     */
    public static AuditKeyPool of(DataSource service, DataSourceProperties properties) {
        HikariDataSource dataSource;
        HikariDataSource servicePool = hikari(service);
        if (servicePool != null) {
            dataSource = new HikariDataSource();
            servicePool.copyStateTo(dataSource);
        } else {
            dataSource = properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
        }
        dataSource.setPoolName("audit-keys");
        dataSource.setMaximumPoolSize(SIZE);
        dataSource.setMinimumIdle(0);
        return new AuditKeyPool(dataSource);
    }

    private static HikariDataSource hikari(DataSource service) {
        if (service instanceof HikariDataSource pool) {
            return pool;
        }
        try {
            return service.isWrapperFor(HikariDataSource.class) ? service.unwrap(HikariDataSource.class) : null;
        } catch (SQLException e) {
            return null;
        }
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
