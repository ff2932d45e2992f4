package io.maap.testsupport;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.migration.JavaMigration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every service with a relational database proves about its Flyway migrations
 * ({@code db/migration/<service>/{vendor}}), on PostgreSQL and on H2 in file mode: an empty database is
 * migrated and Hibernate then validates it ({@code ddl-auto=validate}); migrating it again runs
 * nothing and leaves nothing pending; a database whose tables Hibernate created before Flyway
 * ({@code ddl-auto=update}) is baselined at version 1 and validates too. A service's test extends
 * this and says how to start the service.
 */
public abstract class SchemaMigrationContract {

    /** Starts the service with these command-line arguments (database, broker and port included). */
    protected abstract ConfigurableApplicationContext start(String... arguments);

    /** A short name for its databases, e.g. {@code case_return}. */
    protected abstract String name();

    protected record Db(String vendor, String url, String username, String password) {
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"postgresql", "h2"})
    void anEmptyDatabaseIsMigratedThenValidatedAndMigratingAgainChangesNothing(String vendor) {
        Db db = emptyDatabase(vendor);
        String locations;
        JavaMigration[] javaMigrations;
        try (ConfigurableApplicationContext app = start(arguments(db))) {
            assertThat(app.getEnvironment().getProperty("spring.jpa.hibernate.ddl-auto")).isEqualTo("validate");
            // Instances started together migrate one at a time (service-support's OneMigrationAtATime).
            assertThat(app.containsBean("oneMigrationAtATime")).isTrue();
            locations = locations(app, db);
            javaMigrations = javaMigrations(app);
        }
        Flyway flyway = flyway(db, locations, javaMigrations);
        MigrationInfo[] applied = flyway.info().applied();
        assertThat(applied).isNotEmpty();
        assertThat(applied[0].getVersion().getVersion()).isEqualTo("1");
        assertThat(applied[0].getType().isBaseline()).isFalse();
        assertThat(flyway.migrate().migrationsExecuted).isZero();
        assertThat(flyway.info().pending()).isEmpty();
        assertThat(flyway.validateWithResult().validationSuccessful).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"postgresql", "h2"})
    void aDatabaseHibernateMadeBeforeFlywayIsBaselinedAndValidates(String vendor) {
        Db db = emptyDatabase(vendor);
        List<String> before = new ArrayList<>(List.of(arguments(db)));
        before.add("--spring.flyway.enabled=false");
        before.add("--spring.jpa.hibernate.ddl-auto=update");
        String locations;
        JavaMigration[] javaMigrations;
        try (ConfigurableApplicationContext old = start(before.toArray(String[]::new))) {
            locations = locations(old, db);
            javaMigrations = javaMigrations(old);
        }
        // Before Flyway, db-scheduler's table was created by the service at start-up, with this DDL;
        // and Hibernate created the event store's tables from Axon's JPA entries, which the services
        // no longer map since they store events with Axon's JDBC engine (ADR 0025): V1's DDL for them
        // stands in for what Hibernate made then.
        for (String table : List.of("scheduled_tasks", "domain_event_entry", "snapshot_event_entry")) {
            execute(db, statementsAbout(table, locations));
        }

        try (ConfigurableApplicationContext app = start(arguments(db))) {
            assertThat(app.isActive()).isTrue();
        }
        Flyway flyway = flyway(db, locations, javaMigrations);
        MigrationInfo[] applied = flyway.info().applied();
        assertThat(applied[0].getType().isBaseline()).isTrue();
        assertThat(applied[0].getVersion().getVersion()).isEqualTo("1");
        assertThat(flyway.info().pending()).isEmpty();
        assertThat(flyway.migrate().migrationsExecuted).isZero();
    }

    protected String[] arguments(Db db) {
        List<String> arguments = new ArrayList<>(List.of(
                "--spring.datasource.url=" + db.url(),
                "--spring.datasource.username=" + db.username(),
                "--spring.datasource.password=" + db.password(),
                "--spring.cloud.stream.kafka.binder.brokers=" + TestInfrastructure.kafkaBootstrapServers(),
                "--server.port=0"));
        arguments.addAll(Arrays.asList(TestTokens.arguments()));
        return arguments.toArray(String[]::new);
    }

    protected Db emptyDatabase(String vendor) {
        if (vendor.equals("postgresql")) {
            TestInfrastructure.Database db = TestInfrastructure.newPostgresDatabase("maap_" + name() + "_schema");
            return new Db(vendor, db.jdbcUrl(), db.username(), db.password());
        }
        try {
            Path dir = Files.createTempDirectory("maap-schema-" + name());
            return new Db(vendor, "jdbc:h2:file:" + dir.resolve(name()) + ";DB_CLOSE_ON_EXIT=FALSE", "sa", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where the service keeps its migrations for this database, e.g. {@code classpath:db/migration/case-return-service/h2}. */
    private static String locations(ConfigurableApplicationContext app, Db db) {
        return app.getEnvironment().getRequiredProperty("spring.flyway.locations").replace("{vendor}", db.vendor());
    }

    /** The service's Java migrations (Spring beans, which Spring Boot hands to Flyway), e.g. one that needs a key. */
    private static JavaMigration[] javaMigrations(ConfigurableApplicationContext app) {
        return app.getBeanProvider(JavaMigration.class).orderedStream().toArray(JavaMigration[]::new);
    }

    /** Flyway as the services configure it (maap-service-defaults.yml). */
    protected static Flyway flyway(Db db, String locations) {
        return flyway(db, locations, new JavaMigration[0]);
    }

    /** Flyway as the services configure it, with the service's Java migrations. */
    protected static Flyway flyway(Db db, String locations, JavaMigration[] javaMigrations) {
        return Flyway.configure()
                .dataSource(db.url(), db.username(), db.password())
                .locations(locations)
                .javaMigrations(javaMigrations)
                .baselineOnMigrate(true)
                .baselineVersion("1")
                .load();
    }

    /** The statements of the vendor's V1 migration that mention {@code table}. */
    private static List<String> statementsAbout(String table, String locations) {
        String resource = locations.replaceFirst("^classpath:", "") + "/V1__initial_schema.sql";
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.startsWith("--"))
                    .collect(Collectors.joining("\n"));
            return Arrays.stream(sql.split(";")).map(String::trim)
                    .filter(statement -> statement.toLowerCase().contains(table))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void execute(Db db, List<String> statements) {
        try (Connection connection = DriverManager.getConnection(db.url(), db.username(), db.password());
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
