package io.maap.bench;

import com.zaxxer.hikari.HikariDataSource;
import io.maap.bench.Baselines.Figure;
import io.maap.bench.LoadGenerator.GeneratedEvent;
import io.maap.support.axon.AxonSupportAutoConfiguration;
import io.maap.support.axon.CloudEventRelay;
import io.maap.support.axon.KafkaRelaySender;
import io.maap.support.axon.RenamedClasses;
import io.maap.testsupport.TestInfrastructure;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.PostgresTokenTableFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.PostgresEventTableFactory;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The relay alone (issue 20, item 2): a PostgreSQL event store of {@code events} generated events,
 * the services' relay (CloudEventRelay in a tracking processor, batches of 500, a JDBC token store
 * in the batch's transaction) publishing them to the broker, timed from start until its token is at
 * the last event; then the topics are read back ({@link RelayCheck}): every event there, each
 * aggregate's events first seen in order. Beside it, the same broker's rate for batched
 * asynchronous sends of records of the same size.
 */
final class RelayBenchmark {

    private static final int BATCH = 500;

    private RelayBenchmark() {
    }

    /**
     * A warm-up pass of {@code maap.bench.relay-warm-up} events (default: as many as measured; 0 for
     * none) through a relay of its own, unmeasured, so that the measured pass runs compiled code as a
     * relay that has been running does, rather than the interpreter and the JIT's first tier; then
     * the measured pass.
     */
    static void run(String kafka, int events, long seed, Consumer<String> row) throws Exception {
        int warmUp = Integer.getInteger("maap.bench.relay-warm-up", events);
        if (warmUp > 0) {
            System.out.printf("%n== Relay alone: warm-up (%,d other events, not measured)%n", warmUp);
            relay(kafka, warmUp, seed ^ 0xC01DL, null);
        }
        System.out.printf("%n== Relay alone (%,d events from a PostgreSQL event store to Kafka)%n", events);
        relay(kafka, events, seed, row);
    }

    /** One pass: its figures printed, and given to {@code row} unless null (the warm-up). */
    private static void relay(String kafka, int events, long seed, Consumer<String> row) throws Exception {
        List<GeneratedEvent> generated = new ArrayList<>(events);
        Iterator<GeneratedEvent> source = new LoadGenerator(seed ^ 0x5EED).events(events);
        while (source.hasNext() && generated.size() < events) {
            generated.add(source.next());
        }
        TestInfrastructure.Database database = TestInfrastructure.newPostgresDatabase("maap_bench_relay");
        try (HikariDataSource dataSource = new HikariDataSource()) {
            dataSource.setJdbcUrl(database.jdbcUrl());
            dataSource.setUsername(database.username());
            dataSource.setPassword(database.password());
            dataSource.setMaximumPoolSize(4);
            SpringTransactionManager transactions = new SpringTransactionManager(new DataSourceTransactionManager(dataSource));
            SpringDataSourceConnectionProvider connections = new SpringDataSourceConnectionProvider(dataSource);
            Serializer serializer = AxonSupportAutoConfiguration.jsonSerializer(RenamedClasses.none());
            JdbcEventStorageEngine engine = JdbcEventStorageEngine.builder().connectionProvider(connections)
                    .transactionManager(transactions).eventSerializer(serializer).snapshotSerializer(serializer)
                    .dataType(byte[].class).batchSize(Integer.getInteger("maap.bench.relay-fetch", 100)).build();
            transactions.executeInTransaction(() -> engine.createSchema(PostgresEventTableFactory.INSTANCE));
            JdbcTokenStore tokens = JdbcTokenStore.builder().connectionProvider(connections).serializer(serializer)
                    .contentType(byte[].class).build();
            transactions.executeInTransaction(() -> tokens.createSchema(PostgresTokenTableFactory.INSTANCE));
            long stored = System.nanoTime();
            // One aggregate per key and topic (an audit has events on two topics), numbered in the stream's order.
            Map<String, Long> sequences = new HashMap<>();
            List<EventMessage<?>> messages = generated.stream().<EventMessage<?>>map(e -> {
                String aggregate = e.key() + "@" + e.topic();
                return new GenericDomainEventMessage<>("Aggregate", aggregate, sequences.merge(aggregate, 1L, Long::sum) - 1,
                        e.payload(), MetaData.emptyInstance(), e.id().toString(), e.time());
            }).toList();
            for (int from = 0; from < messages.size(); from += 1000) {
                List<EventMessage<?>> chunk = messages.subList(from, Math.min(messages.size(), from + 1000));
                transactions.executeInTransaction(() -> engine.appendEvents(chunk));
            }
            System.out.printf("  (%,d events stored in %.1f s)%n", events, (System.nanoTime() - stored) / 1e9);

            RelayCheck check = RelayCheck.before(kafka);
            EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(engine).build();
            try (KafkaRelaySender sender = KafkaRelaySender.to(kafka, Map.of(), 5)) {
                TrackingEventProcessor relay = TrackingEventProcessor.builder().name(CloudEventRelay.PROCESSING_GROUP)
                        .eventHandlerInvoker(SimpleEventHandlerInvoker.builder()
                                .eventHandlers(new CloudEventRelay(sender, "urn:maap:bench", null, serializer)).build())
                        .messageSource(store).tokenStore(tokens).transactionManager(transactions)
                        .trackingEventProcessorConfiguration(TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andBatchSize(BATCH))
                        .build();
                long last = store.createHeadToken().position().orElseThrow();
                long start = System.nanoTime();
                relay.start();
                long deadline = start + Duration.ofMinutes(5).toNanos();
                long first = 0;
                while (position(relay) < last && System.nanoTime() < deadline) {
                    if (first == 0 && position(relay) >= 0) {
                        first = System.nanoTime();
                    }
                    Thread.sleep(2);
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                double cpu = relayCpuSeconds();
                System.out.printf("  (first batch committed %.2f s after the start; the relay's threads used %.2f s of CPU, %.0f µs an event)%n",
                        (first - start) / 1e9, cpu, cpu * 1e6 / events);
                relay.shutDown();
                store.shutDown();
                RelayCheck.Result result = check.after(messages);
                double rate = events / seconds;
                if (row == null) {
                    System.out.printf("relay warm-up: %,d events in %.2f s (%,.0f events/s); %s%n", events, seconds, rate, result);
                    return;
                }
                int size = generated.stream().limit(1000).mapToInt(e -> e.toRecord().value().length).sum() / 1000;
                Figure baseline = SendBaselines.batchedAsyncSends(kafka, "maap.bench.raw.v1", events, BATCH, size, 1000);
                System.out.println(baseline);
                System.out.printf("relay alone: %,d events in %.2f s: %,.0f events/s (%.2f of batched asynchronous sends); %s%n",
                        events, seconds, rate, rate / baseline.perSecond(), result);
                row.accept(String.format("| baseline | Kafka batched asynchronous sends, %d a batch, every ack awaited, %d-byte records | %,.0f/s | | |",
                        BATCH, size, baseline.perSecond()));
                row.accept(String.format("| relay | alone: PostgreSQL event store → Kafka, %,d events, batches of %d | %,.0f events/s; %s | | %.2f of batched asynchronous sends |",
                        events, BATCH, rate, result, rate / baseline.perSecond()));
            }
        }
    }

    /** CPU time of the relay's processor thread and its producer's network thread. */
    private static double relayCpuSeconds() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long nanos = 0;
        for (ThreadInfo info : threads.dumpAllThreads(false, false)) {
            if (info.getThreadName().contains(CloudEventRelay.PROCESSING_GROUP) || info.getThreadName().contains("producer-network-thread")) {
                nanos += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return nanos / 1e9;
    }

    private static long position(TrackingEventProcessor relay) {
        return relay.processingStatus().values().stream()
                .mapToLong(status -> status.getCurrentPosition().orElse(-1)).min().orElse(-1);
    }
}
