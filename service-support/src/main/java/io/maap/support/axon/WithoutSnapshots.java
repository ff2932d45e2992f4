package io.maap.support.axon;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;

import java.util.Optional;

/**
 * Axon's JDBC engine for a service whose aggregates take no snapshots (no
 * {@link org.axonframework.eventsourcing.SnapshotTriggerDefinition}): loading an aggregate does not
 * look for one. Axon's event store asks for a snapshot before every load that misses the aggregate
 * cache, a query that here can only find nothing; it was a seventh of the CPU of loading a return
 * request for its submission (BENCHMARKS.md, "Where a submission's CPU went"). Storing one is a
 * configuration error, said as such, rather than a row never read.
 */
final class WithoutSnapshots extends JdbcEventStorageEngine {

    WithoutSnapshots(Builder builder) {
        super(builder);
    }

    @Override
    public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
        return Optional.empty();
    }

    @Override
    protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
        throw new UnsupportedOperationException("This event store was configured without snapshots: no "
                + "SnapshotTriggerDefinition bean was found when it was made, yet a snapshot of "
                + snapshot.getAggregateIdentifier() + " was stored.");
    }
}
