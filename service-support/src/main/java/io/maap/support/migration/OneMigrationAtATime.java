package io.maap.support.migration;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.Configuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.UUID;

/**
 * Flyway's migrate, one instance of a service at a time. Instances of a service started together
 * on one PostgreSQL database would otherwise race: Flyway locks only while it applies migrations,
 * not while it decides whether the schema needs a history table or a baseline, so with
 * {@code baseline-on-migrate} a second instance can find the first one's tables, take the schema
 * for one Hibernate made, and stop on "unable to baseline" (flyway/flyway#2243). Here a PostgreSQL
 * session advisory lock, named after the history table and the migrations' locations, is held
 * around the whole of {@link Flyway#migrate()}: the second instance waits, then finds nothing to do.
 * Other databases (H2, a single process's own) migrate as Flyway does.
 */
public final class OneMigrationAtATime implements FlywayMigrationStrategy {

    private static final Logger log = LoggerFactory.getLogger(OneMigrationAtATime.class);

    @Override
    public void migrate(Flyway flyway) {
        DataSource dataSource = flyway.getConfiguration().getDataSource();
        try (Connection connection = dataSource.getConnection()) {
            if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
                flyway.migrate();
                return;
            }
            long key = lockKey(flyway.getConfiguration());
            lock(connection, key);
            try {
                flyway.migrate();
            } finally {
                unlock(connection, key);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not take the lock that keeps this service's instances "
                    + "from migrating its database at once: " + e.getMessage(), e);
        }
    }

    /** The advisory lock's key: the same for every instance of a service, another for another service's migrations. */
    public static long lockKey(Configuration configuration) {
        String name = "maap-flyway-migrate:" + configuration.getTable() + ":"
                + String.join(",", configuration.getSchemas()) + ":"
                + String.join(",", Arrays.stream(configuration.getLocations()).map(Object::toString).toList());
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).getMostSignificantBits();
    }

    private static void lock(Connection connection, long key) throws SQLException {
        if (call(connection, "select pg_try_advisory_lock(?)", key)) {
            return;
        }
        log.info("Another instance is migrating this database; waiting for it to finish");
        call(connection, "select pg_advisory_lock(?) is null", key);
    }

    private static void unlock(Connection connection, long key) throws SQLException {
        if (!call(connection, "select pg_advisory_unlock(?)", key)) {
            log.warn("The migration lock was no longer held when released");
        }
    }

    private static boolean call(Connection connection, String sql, long key) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, key);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getBoolean(1);
            }
        }
    }
}
