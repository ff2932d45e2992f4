package io.maap.support.axon;

import io.maap.events.actionplan.ActionUpdateRequested;
import io.maap.events.casereturn.SafeguardingConcernRaised;
import io.maap.support.crypto.AuditKeys;
import io.maap.support.crypto.MasterKey;
import io.maap.support.crypto.SealedText;
import io.maap.support.crypto.SealingSerializer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.PostgresEventTableFactory;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import javax.crypto.SecretKey;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Given the event store's serializer, the relay sends each event's payload as it is stored, its
 * sensitive text sealed there already, without opening it; an event stored in clear (before text
 * was encrypted) is sealed on its way as before.
 */
class CloudEventRelayPassThroughTest {

    private static final String AUDIT = "missing-2017";
    private static final String SUMMARY = "Child left alone at 12 Acacia Road";

    private final CountingKeys keys = new CountingKeys();
    private final JdbcDataSource dataSource = new JdbcDataSource();
    private final SpringTransactionManager transactions;
    private final Serializer plain = AxonSupportAutoConfiguration.jsonSerializer(RenamedClasses.none());
    private final Serializer sealing = new SealingSerializer(
            (Jackson3Serializer) AxonSupportAutoConfiguration.jsonSerializer(RenamedClasses.none()), keys);
    private final List<ProducerRecord<byte[], byte[]>> sent = new CopyOnWriteArrayList<>();
    private final CloudEventRelay relay;

    CloudEventRelayPassThroughTest() {
        dataSource.setURL("jdbc:h2:mem:relay-" + UUID.randomUUID() + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1");
        transactions = new SpringTransactionManager(new DataSourceTransactionManager(dataSource));
        transactions.executeInTransaction(() -> engine(sealing).createSchema(PostgresEventTableFactory.INSTANCE));
        relay = new CloudEventRelay(record -> {
            sent.add(record);
            return CompletableFuture.completedFuture(record);
        }, "urn:test", keys, sealing);
    }

    @Test
    void aSealedEventGoesOutAsStoredWithoutItsTextBeingOpened() {
        store(sealing, concern(0));
        int openedBefore = keys.reads.get();

        relayAll();

        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).value()).isEqualTo(storedPayloads().get(0));
        assertThat(text(sent.get(0))).doesNotContain("Acacia").contains("maap-sealed:v1:" + AUDIT + ":");
        assertThat(keys.reads.get()).as("no key read to open the text").isEqualTo(openedBefore);
    }

    @Test
    void anEventStoredInClearIsSealedOnItsWay() {
        store(plain, concern(0));
        assertThat(new String(storedPayloads().get(0), StandardCharsets.UTF_8)).contains(SUMMARY);

        relayAll();

        String summary = summary(sent.get(0));
        assertThat(summary).startsWith("maap-sealed:v1:" + AUDIT + ":");
        assertThat(SealedText.open(summary, keys::forReading)).isEqualTo(SUMMARY);
    }

    @Test
    void anEventWithoutSensitiveTextGoesOutAsStored() {
        store(sealing, new ActionUpdateRequested("r1", "a1", "p1", AUDIT, "programme", "nelft", "Lead",
                LocalDate.of(2026, 1, 5), LocalDate.of(2026, 2, 5)));

        relayAll();

        assertThat(sent.get(0).value()).isEqualTo(storedPayloads().get(0));
        assertThat(new String(sent.get(0).headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8))
                .isEqualTo("maap.action.update-requested.v1");
    }

    private JdbcEventStorageEngine engine(Serializer serializer) {
        return JdbcEventStorageEngine.builder().connectionProvider(new SpringDataSourceConnectionProvider(dataSource))
                .transactionManager(transactions).eventSerializer(serializer).snapshotSerializer(serializer)
                .dataType(byte[].class).build();
    }

    private void store(Serializer serializer, Object payload) {
        transactions.executeInTransaction(() -> engine(serializer).appendEvents(
                new GenericDomainEventMessage<>("Aggregate", "agg-1", 0, payload)));
    }

    /** The stored events read as a tracking processor reads them (payloads not yet deserialised), handed to the relay. */
    private void relayAll() {
        engine(sealing).readEvents(null, false).forEach(event -> relay.on((DomainEventMessage<?>) event));
    }

    private List<byte[]> storedPayloads() {
        return new JdbcTemplate(dataSource).query("SELECT payload FROM domainevententry ORDER BY globalindex",
                (rs, n) -> rs.getBytes(1));
    }

    private static SafeguardingConcernRaised concern(int n) {
        return new SafeguardingConcernRaised("req-" + n, AUDIT, "redbridge-2017-18", "RBR-1707-M01", "met-police",
                "c" + n, "DI Brown", Instant.parse("2017-10-02T09:00:00Z"), SUMMARY);
    }

    private static String text(ProducerRecord<byte[], byte[]> record) {
        return new String(record.value(), StandardCharsets.UTF_8);
    }

    private static String summary(ProducerRecord<byte[], byte[]> record) {
        return io.maap.support.messaging.EventJson.mapper().readTree(record.value()).get("summary").stringValue();
    }

    /** Keys in memory, counting the reads that open text. */
    private static final class CountingKeys implements AuditKeys {
        final Map<String, SecretKey> keys = new HashMap<>();
        final AtomicInteger reads = new AtomicInteger();

        @Override
        public synchronized Optional<SecretKey> forWriting(String auditId) {
            return Optional.of(keys.computeIfAbsent(auditId, id -> MasterKey.newDataKey()));
        }

        @Override
        public synchronized Optional<SecretKey> forReading(String auditId) {
            reads.incrementAndGet();
            return Optional.ofNullable(keys.get(auditId));
        }

        @Override
        public boolean shred(String auditId, String by, String reason, Instant at) {
            return false;
        }

        @Override
        public Optional<Shredding> shredding(String auditId) {
            return Optional.empty();
        }
    }
}
