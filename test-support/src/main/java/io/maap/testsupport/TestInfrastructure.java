package io.maap.testsupport;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

import java.net.InetSocketAddress;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The real infrastructure tests run against, chosen once per JVM: Testcontainers (PostgreSQL,
 * MongoDB, Apache Kafka images) where a Docker engine answers; otherwise an in-process KRaft
 * broker, the local PostgreSQL server and mongo-java-server. {@code MAAP_TEST_INFRA=local} or
 * {@code =containers} forces a choice. Every test gets its own databases.
 */
public final class TestInfrastructure {

    private static final Logger log = LoggerFactory.getLogger(TestInfrastructure.class);

    public enum Mode { CONTAINERS, LOCAL }

    public record Database(String jdbcUrl, String username, String password) {

        /** The Spring Boot properties that point a service's datasource at this database. */
        public Map<String, String> springProperties() {
            return Map.of("spring.datasource.url", jdbcUrl, "spring.datasource.username", username,
                    "spring.datasource.password", password);
        }
    }

    private static final Mode MODE = chooseMode();
    private static final List<String> createdDatabases = new CopyOnWriteArrayList<>();

    private static String kafkaBootstrapServers;
    private static String postgresAdminUrl;
    private static String postgresUser;
    private static String postgresPassword;
    private static String mongoBaseUri;

    static {
        log.info("MAAP test infrastructure: {}", describe());
        Runtime.getRuntime().addShutdownHook(new Thread(TestInfrastructure::dropCreatedDatabases, "drop-test-databases"));
    }

    private TestInfrastructure() {
    }

    public static Mode mode() {
        return MODE;
    }

    public static String describe() {
        return MODE == Mode.CONTAINERS
                ? "Testcontainers (postgres, mongo, apache/kafka images on Docker)"
                : "local (in-process KRaft Kafka broker, PostgreSQL on " + localPostgresUrl() + ", mongo-java-server)";
    }

    /** A Kafka broker for this JVM, started on first use. */
    public static synchronized String kafkaBootstrapServers() {
        if (kafkaBootstrapServers == null) {
            if (MODE == Mode.CONTAINERS) {
                KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.1");
                kafka.start();
                kafkaBootstrapServers = kafka.getBootstrapServers();
            } else {
                EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
                broker.brokerProperty("auto.create.topics.enable", "true");
                broker.afterPropertiesSet();
                kafkaBootstrapServers = broker.getBrokersAsString();
                Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy, "stop-test-kafka"));
            }
        }
        return kafkaBootstrapServers;
    }

    /** A new, empty PostgreSQL database, dropped when the JVM exits. */
    public static synchronized Database newPostgresDatabase(String prefix) {
        if (postgresAdminUrl == null) {
            if (MODE == Mode.CONTAINERS) {
                PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:15-alpine");
                postgres.start();
                postgresAdminUrl = postgres.getJdbcUrl();
                postgresUser = postgres.getUsername();
                postgresPassword = postgres.getPassword();
            } else {
                postgresAdminUrl = localPostgresUrl();
                postgresUser = System.getenv().getOrDefault("MAAP_TEST_POSTGRES_USER", "postgres");
                postgresPassword = System.getenv().getOrDefault("MAAP_TEST_POSTGRES_PASSWORD", "");
            }
        }
        String name = (prefix + "_" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9_]", "_");
        execute("CREATE DATABASE " + name);
        createdDatabases.add(name);
        String url = postgresAdminUrl.replaceFirst("/[^/?]*(\\?|$)", "/" + name + "$1");
        return new Database(url, postgresUser, postgresPassword);
    }

    /** A MongoDB connection string naming a fresh database. */
    public static synchronized String newMongoUri(String prefix) {
        if (mongoBaseUri == null) {
            if (MODE == Mode.CONTAINERS) {
                MongoDBContainer mongo = new MongoDBContainer("mongo:7");
                mongo.start();
                mongoBaseUri = mongo.getConnectionString();
            } else {
                MongoServer server = new MongoServer(new MemoryBackend());
                InetSocketAddress address = server.bind();
                mongoBaseUri = "mongodb://127.0.0.1:" + address.getPort();
                Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow, "stop-test-mongo"));
            }
        }
        return mongoBaseUri + "/" + prefix + "_" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String localPostgresUrl() {
        return System.getenv().getOrDefault("MAAP_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
    }

    private static Mode chooseMode() {
        String forced = System.getenv("MAAP_TEST_INFRA");
        if (forced != null && !forced.isBlank()) {
            return Mode.valueOf(forced.trim().toUpperCase(Locale.ROOT));
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable() ? Mode.CONTAINERS : Mode.LOCAL;
        } catch (RuntimeException | LinkageError e) {
            return Mode.LOCAL;
        }
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(postgresAdminUrl, postgresUser, postgresPassword);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + postgresAdminUrl + " refused: " + sql, e);
        }
    }

    private static void dropCreatedDatabases() {
        for (String name : createdDatabases) {
            try {
                execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            } catch (RuntimeException e) {
                log.warn("Could not drop test database {}: {}", name, e.getMessage());
            }
        }
    }
}
