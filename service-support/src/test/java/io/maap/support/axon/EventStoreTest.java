package io.maap.support.axon;

import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.AggregateSnapshotter;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLErrorCodesResolver;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The services' event store (ADR 0025): Axon's JDBC engine on the tables the services' migrations
 * create, here on H2 with the same DDL: a command's events take their global indexes from the
 * sequence in their order, a second event at an aggregate's sequence number is a concurrency
 * conflict, a rolled-back append leaves nothing, rows the JPA engine wrote before are read, and
 * without a snapshot trigger no snapshot is read or stored.
 */
class EventStoreTest {

    record Noted(String text) {
    }

    /** The columns Axon's event and snapshot entries share. */
    private static final String ENTRY_COLUMNS = """
            sequence_number bigint not null, aggregate_identifier character varying(255) not null,
            event_identifier character varying(255) not null unique, payload_revision character varying(255),
            payload_type character varying(255) not null, time_stamp character varying(255) not null,
            meta_data binary large object, payload binary large object not null""";

    private final JdbcDataSource dataSource = new JdbcDataSource();
    private final JdbcTemplate jdbc;
    private final SpringTransactionManager transactions;
    private final EventStorageEngine engine;

    EventStoreTest() throws SQLException {
        dataSource.setURL("jdbc:h2:mem:events-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        jdbc = new JdbcTemplate(dataSource);
        // As V1__initial_schema.sql, event_index_one_at_a_time and event_index_by_default leave them on H2.
        jdbc.execute("create sequence domain_event_entry_seq start with 1 increment by 1");
        jdbc.execute("create table domain_event_entry(global_index bigint default next value for domain_event_entry_seq"
                + " not null primary key, type character varying(255), " + ENTRY_COLUMNS
                + ", unique (aggregate_identifier, sequence_number))");
        jdbc.execute("create table snapshot_event_entry(type character varying(255) not null, " + ENTRY_COLUMNS
                + ", primary key (sequence_number, aggregate_identifier, type))");
        transactions = new SpringTransactionManager(new DataSourceTransactionManager(dataSource));
        engine = engine(new DefaultListableBeanFactory());
    }

    private EventStorageEngine engine(DefaultListableBeanFactory beans) throws SQLException {
        Serializer json = AxonSupportAutoConfiguration.jsonSerializer(RenamedClasses.none());
        Configuration axon = DefaultConfigurer.defaultConfiguration().buildConfiguration();
        return new EventStoreAutoConfiguration().eventStorageEngine(json, new SQLErrorCodesResolver(dataSource), json,
                axon, dataSource, transactions, beans.getBeanProvider(SnapshotTriggerDefinition.class));
    }

    @Test
    void aCommandsEventsTakeTheirIndexesFromTheSequenceInTheirOrder() {
        jdbc.queryForObject("select next value for domain_event_entry_seq", Long.class); // one taken elsewhere: a gap
        transactions.executeInTransaction(() -> engine.appendEvents(event("audit-1", 0, "a"), event("audit-1", 1, "b"),
                event("audit-2", 0, "c")));

        assertThat(jdbc.queryForList("select global_index from domain_event_entry order by global_index", Long.class))
                .containsExactly(2L, 3L, 4L);
        assertThat(tracked(null)).containsExactly("audit-1/0 a", "audit-1/1 b", "audit-2/0 c");
        assertThat(engine.readEvents("audit-1").asStream().map(EventStoreTest::describe))
                .containsExactly("audit-1/0 a", "audit-1/1 b");
    }

    @Test
    void anEventAtASequenceNumberTakenIsAConflictAndNothingOfItsCommandIsKept() {
        transactions.executeInTransaction(() -> engine.appendEvents(event("audit-1", 0, "first"), event("audit-1", 1, "second")));

        // A command decided on the aggregate as it was at sequence 0 (another instance appended since).
        assertThatThrownBy(() -> transactions.executeInTransaction(() ->
                engine.appendEvents(event("audit-1", 1, "late"), event("audit-1", 2, "later"))))
                .isInstanceOf(ConcurrencyException.class);
        // A second creation of the same aggregate (409 "already exists" over HTTP).
        assertThatThrownBy(() -> transactions.executeInTransaction(() -> engine.appendEvents(event("audit-1", 0, "again"))))
                .isInstanceOf(AggregateStreamCreationException.class);
        assertThat(tracked(null)).containsExactly("audit-1/0 first", "audit-1/1 second");
    }

    @Test
    void anAppendRolledBackLeavesNothing() {
        var transaction = transactions.startTransaction();
        engine.appendEvents(event("audit-1", 0, "undone"));
        transaction.rollback();

        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry", Long.class)).isZero();
    }

    @Test
    void rowsTheJpaEngineWroteAreReadWithTheirOwnIndexes() {
        // The JPA engine named the index it took from the sequence; its time is ISO-8601 text.
        jdbc.update("insert into domain_event_entry(global_index, sequence_number, aggregate_identifier, event_identifier,"
                        + " payload_type, time_stamp, type, meta_data, payload) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                7L, 0L, "audit-9", UUID.randomUUID().toString(), Noted.class.getName(), "2026-11-30T09:15:00Z", "Audit",
                "{}".getBytes(StandardCharsets.UTF_8), "{\"text\":\"stored before\"}".getBytes(StandardCharsets.UTF_8));
        jdbc.execute("alter sequence domain_event_entry_seq restart with 8"); // as V3_3 left it: past every index used

        transactions.executeInTransaction(() -> engine.appendEvents(event("audit-9", 1, "stored after")));

        List<TrackedEventMessage<?>> all = engine.readEvents(null, false).collect(Collectors.toList());
        assertThat(all.stream().map(e -> (Object) e.getPayload()))
                .containsExactly(new Noted("stored before"), new Noted("stored after"));
        assertThat(all.get(0).getTimestamp()).isEqualTo(Instant.parse("2026-11-30T09:15:00Z"));
        assertThat(jdbc.queryForList("select global_index from domain_event_entry order by global_index", Long.class))
                .containsExactly(7L, 8L);
        assertThat(engine.readEvents("audit-9").asStream().map(EventStoreTest::describe))
                .containsExactly("audit-9/0 stored before", "audit-9/1 stored after");
    }

    @Test
    void withoutSnapshotTriggersNoSnapshotIsLookedForAndStoringOneIsRefused() throws SQLException {
        transactions.executeInTransaction(() -> engine.appendEvents(event("audit-1", 0, "a"), event("audit-1", 1, "b")));
        EventStorageEngine withTriggers = engine(beansWith(new EventCountSnapshotTriggerDefinition(
                AggregateSnapshotter.builder().eventStore(EmbeddedEventStore.builder().storageEngine(engine).build())
                        .aggregateFactories(List.of()).build(), 100)));
        DomainEventMessage<Noted> snapshot = new GenericDomainEventMessage<>("Audit", "audit-1", 1, new Noted("snapshot"));
        transactions.executeInTransaction(() -> withTriggers.storeSnapshot(snapshot));
        assertThat(withTriggers.readSnapshot("audit-1")).map(s -> ((Noted) s.getPayload()).text()).contains("snapshot");

        // The engine made without a trigger (every MAAP service's) does not read the row a trigger's engine stored.
        assertThat(engine.readSnapshot("audit-1")).isEmpty();
        assertThat(engine.readEvents("audit-1").asStream().map(EventStoreTest::describe))
                .containsExactly("audit-1/0 a", "audit-1/1 b");
        assertThatThrownBy(() -> transactions.executeInTransaction(() -> engine.storeSnapshot(snapshot)))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("without snapshots");
        assertThat(jdbc.queryForObject("select count(*) from snapshot_event_entry", Long.class)).isOne();
    }

    private static DefaultListableBeanFactory beansWith(SnapshotTriggerDefinition trigger) {
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        beans.registerSingleton("snapshotTrigger", trigger);
        return beans;
    }

    private static DomainEventMessage<Noted> event(String aggregate, long sequence, String text) {
        return new GenericDomainEventMessage<>("Audit", aggregate, sequence, new Noted(text));
    }

    private List<String> tracked(TrackingToken after) {
        return engine.readEvents(after, false).map(e -> describe((DomainEventMessage<?>) e)).collect(Collectors.toList());
    }

    private static String describe(DomainEventMessage<?> event) {
        return event.getAggregateIdentifier() + "/" + event.getSequenceNumber() + " " + ((Noted) event.getPayload()).text();
    }
}
