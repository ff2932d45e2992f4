package io.maap.support.migration;

import io.maap.testsupport.TestInfrastructure;
import io.maap.testsupport.TestInfrastructure.Database;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Instances of a service started together migrate its PostgreSQL database one at a time, Flyway
 * configured as the services have it (baseline on migrate, at version 1).
 */
class OneMigrationAtATimeTest {

    private static final String LOCATIONS = "classpath:db/migration/one-at-a-time-test";
    private static final int INSTANCES = 4;

    private final OneMigrationAtATime strategy = new OneMigrationAtATime();

    @Test
    void instancesStartedTogetherOnAnEmptyDatabaseAllStartAndEachMigrationIsAppliedOnce() throws Exception {
        for (int round = 0; round < 4; round++) {
            Database db = TestInfrastructure.newPostgresDatabase("maap_one_migration");

            List<Throwable> failures = migrateAtOnce(db, strategy);

            assertThat(failures).as("round %d", round).isEmpty();
            assertEachMigrationAppliedOnceWithoutBaseline(flyway(db.jdbcUrl(), db.username(), db.password()));
        }
    }

    /**
     * The race seen when two instances of a service started together: the second finds no history
     * table, the first then creates it and migrates, and the second, looking at the schema only now,
     * takes it for one Hibernate made, baselines it and stops ("unable to baseline ... already contains
     * migrations"). Here the second instance is held just before it looks at the schema until the
     * first has either made the history table or is waiting for the lock.
     */
    @Test
    void anInstanceHeldBetweenLookingForTheHistoryAndAtTheSchemaStillFindsItsWork() throws Exception {
        Database db = TestInfrastructure.newPostgresDatabase("maap_one_migration");
        Flyway first = flyway(db.jdbcUrl(), db.username(), db.password());
        long key = OneMigrationAtATime.lockKey(first.getConfiguration());
        CountDownLatch atTheSchema = new CountDownLatch(1);
        try (Connection admin = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password())) {
            DataSource held = holdingBefore(db, "SELECT c.oid FROM pg_catalog.pg_class", () -> {
                atTheSchema.countDown();
                await().atMost(Duration.ofSeconds(30)).until(() ->
                        query(admin, "select to_regclass('flyway_schema_history') is not null", key) || waitingFor(admin, key));
            });
            Flyway second = Flyway.configure().configuration(first.getConfiguration()).dataSource(held).load();

            CompletableFuture<Void> secondMigration = CompletableFuture.runAsync(() -> strategy.migrate(second));
            assertThat(atTheSchema.await(30, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<Void> firstMigration = CompletableFuture.runAsync(() -> strategy.migrate(first));

            secondMigration.get(60, TimeUnit.SECONDS);
            firstMigration.get(60, TimeUnit.SECONDS);
        }
        assertEachMigrationAppliedOnceWithoutBaseline(first);
    }

    @Test
    void anInstanceWaitsWhileAnotherMigratesAndOnlyThenLooksAtTheSchema() throws Exception {
        Database db = TestInfrastructure.newPostgresDatabase("maap_one_migration");
        Flyway flyway = flyway(db.jdbcUrl(), db.username(), db.password());
        long key = OneMigrationAtATime.lockKey(flyway.getConfiguration());
        try (Connection other = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password())) {
            query(other, "select pg_advisory_lock(?) is null", key);

            CompletableFuture<Void> migration = CompletableFuture.runAsync(() -> strategy.migrate(flyway));
            await().atMost(Duration.ofSeconds(30)).until(() -> waitingFor(other, key));

            assertThat(migration).isNotDone();
            assertThat(query(other, "select to_regclass('flyway_schema_history') is not null", key)).isFalse();
            query(other, "select pg_advisory_unlock(?)", key);
            migration.get(30, TimeUnit.SECONDS);
        }
        assertThat(flyway.info().applied()).hasSize(2);
        assertThat(flyway.info().pending()).isEmpty();
    }

    @Test
    void anotherServicesMigrationsHaveAnotherLock() {
        Flyway one = Flyway.configure().locations(LOCATIONS).load();
        Flyway other = Flyway.configure().locations("classpath:db/migration/another-service/postgresql").load();

        assertThat(OneMigrationAtATime.lockKey(one.getConfiguration()))
                .isEqualTo(OneMigrationAtATime.lockKey(Flyway.configure().locations(LOCATIONS).load().getConfiguration()))
                .isNotEqualTo(OneMigrationAtATime.lockKey(other.getConfiguration()));
    }

    @Test
    void aDatabaseOtherThanPostgresqlIsMigratedAsFlywayDoes() {
        Flyway flyway = flyway("jdbc:h2:mem:one-migration-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");

        strategy.migrate(flyway);

        assertThat(flyway.info().applied()).hasSize(2);
    }

    private static void assertEachMigrationAppliedOnceWithoutBaseline(Flyway flyway) {
        MigrationInfo[] applied = flyway.info().applied();
        assertThat(applied).extracting(info -> info.getVersion().getVersion()).containsExactly("1", "2");
        assertThat(applied).noneMatch(info -> info.getType().isBaseline());
    }

    /** Every instance's migration at the same moment, each with a Flyway (and connections) of its own. */
    private static List<Throwable> migrateAtOnce(Database db, FlywayMigrationStrategy strategy) throws Exception {
        CyclicBarrier start = new CyclicBarrier(INSTANCES);
        List<CompletableFuture<Void>> instances = new ArrayList<>();
        for (int i = 0; i < INSTANCES; i++) {
            Flyway flyway = flyway(db.jdbcUrl(), db.username(), db.password());
            instances.add(CompletableFuture.runAsync(() -> {
                try {
                    start.await(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                strategy.migrate(flyway);
            }));
        }
        List<Throwable> failures = new ArrayList<>();
        for (CompletableFuture<Void> instance : instances) {
            try {
                instance.get(60, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                failures.add(e.getCause());
            }
        }
        return failures;
    }

    /** The database's connections, which run {@code hold} once, before the first statement whose SQL contains {@code sql}. */
    private static DataSource holdingBefore(Database db, String sql, Runnable hold) {
        AtomicBoolean held = new AtomicBoolean();
        DataSource plain = new DriverManagerDataSource(db.jdbcUrl(), db.username(), db.password());
        return new DelegatingDataSource(plain) {
            @Override
            public Connection getConnection() throws SQLException {
                Connection connection = plain.getConnection();
                return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{Connection.class},
                        (proxy, method, arguments) -> {
                            if (method.getName().equals("prepareStatement") && arguments[0] instanceof String text
                                    && text.contains(sql) && held.compareAndSet(false, true)) {
                                hold.run();
                            }
                            try {
                                return method.invoke(connection, arguments);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                        });
            }
        };
    }

    /** Flyway as the services configure it (maap-service-defaults.yml). */
    private static Flyway flyway(String url, String username, String password) {
        return Flyway.configure()
                .dataSource(url, username, password)
                .locations(LOCATIONS)
                .baselineOnMigrate(true)
                .baselineVersion("1")
                .load();
    }

    /** Whether a session of this database waits for the advisory lock with this key. */
    private static boolean waitingFor(Connection connection, long key) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "select classid::bigint, objid::bigint from pg_locks where locktype = 'advisory' and not granted "
                        + "and database = (select oid from pg_database where datname = current_database())");
             ResultSet locks = statement.executeQuery()) {
            while (locks.next()) {
                if ((locks.getLong(1) << 32 | locks.getLong(2)) == key) {
                    return true;
                }
            }
            return false;
        }
    }

    private static boolean query(Connection connection, String sql, long key) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            if (sql.contains("?")) {
                statement.setLong(1, key);
            }
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getBoolean(1);
            }
        }
    }
}
