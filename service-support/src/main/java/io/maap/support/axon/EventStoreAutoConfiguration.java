package io.maap.support.axon;

import javax.sql.DataSource;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The event store of every MAAP service with aggregates: Axon's JDBC storage engine on the tables
 * the service's Flyway migrations create ({@link #TABLES}), in the service's own transaction
 * (ADR 0025).
 *
 * <p>Axon's Spring Boot auto-configuration would otherwise choose its JPA engine because JPA is on
 * the class path: every event then became a Hibernate entity, with a {@code nextval} round trip of
 * its own and a place in the flush. The JDBC engine appends a command's events in one batched
 * insert whose global index the column's default takes from {@code domain_event_entry_seq}, one
 * number per row as before (ADR 0018, decision 7). Both engines read and write the same rows, so a
 * database written by one is read by the other.
 *
 * <p>The statements run on the connection of the transaction Axon's unit of work has open (Spring's
 * JPA transaction manager exposes it), so the events, the query views and the token commit together.
 *
 * <p>No MAAP aggregate takes snapshots, so unless a {@link SnapshotTriggerDefinition} bean is defined
 * the engine does not look for one before each load ({@link WithoutSnapshots}).
 */
@AutoConfiguration(
        afterName = {"org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
                "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration"},
        beforeName = {"org.axonframework.springboot.autoconfig.JpaEventStoreAutoConfiguration",
                "org.axonframework.springboot.autoconfig.JdbcAutoConfiguration"},
        before = AxonAutoConfiguration.class)
@ConditionalOnClass({JdbcEventStorageEngine.class, SpringDataSourceConnectionProvider.class})
@ConditionalOnBean(DataSource.class)
public class EventStoreAutoConfiguration {

    /** The tables and columns of {@code V1__initial_schema.sql}: Hibernate's snake_case names of Axon's entries. */
    public static final EventSchema TABLES = EventSchema.builder()
            .eventTable("domain_event_entry")
            .snapshotTable("snapshot_event_entry")
            .globalIndexColumn("global_index")
            .timestampColumn("time_stamp")
            .eventIdentifierColumn("event_identifier")
            .aggregateIdentifierColumn("aggregate_identifier")
            .sequenceNumberColumn("sequence_number")
            .typeColumn("type")
            .payloadTypeColumn("payload_type")
            .payloadRevisionColumn("payload_revision")
            .payloadColumn("payload")
            .metaDataColumn("meta_data")
            .build();

    @Bean
    @ConditionalOnMissingBean({EventStorageEngine.class, EventBus.class, EventStore.class})
    public EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
                                                 PersistenceExceptionResolver persistenceExceptionResolver,
                                                 @Qualifier("eventSerializer") Serializer eventSerializer,
                                                 org.axonframework.config.Configuration configuration,
                                                 DataSource dataSource,
                                                 TransactionManager transactionManager,
                                                 ObjectProvider<SnapshotTriggerDefinition> snapshotTriggers) {
        JdbcEventStorageEngine.Builder engine = JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(new SpringDataSourceConnectionProvider(dataSource))
                .transactionManager(transactionManager)
                .schema(TABLES)
                .dataType(byte[].class);
        return snapshotTriggers.stream().findAny().isPresent() ? engine.build() : new WithoutSnapshots(engine);
    }
}
