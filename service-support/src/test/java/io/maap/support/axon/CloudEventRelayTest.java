package io.maap.support.axon;

import io.maap.events.actionplan.ActionUpdateRequested;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventhandling.tokenstore.jdbc.GenericTokenTableFactory;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The relay in a real tracking processor, with a JDBC token store in the same transaction as the
 * batch (as in the services): every event reaches Kafka, in each aggregate's order, and the token
 * never moves past an event Kafka has not acknowledged.
 */
class CloudEventRelayTest {

    private static final int BATCH = 10;

    private final ScheduledExecutorService broker = Executors.newScheduledThreadPool(2);
    private final JdbcDataSource dataSource = new JdbcDataSource();
    private final SpringTransactionManager transactions;
    private final JdbcTokenStore tokens;
    private final EmbeddedEventStore events = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
    private TrackingEventProcessor processor;

    CloudEventRelayTest() {
        dataSource.setURL("jdbc:h2:mem:relay-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        transactions = new SpringTransactionManager(new DataSourceTransactionManager(dataSource));
        tokens = JdbcTokenStore.builder().connectionProvider(new SpringDataSourceConnectionProvider(dataSource))
                .serializer(AxonSupportAutoConfiguration.jsonSerializer(RenamedClasses.none())).build();
        transactions.executeInTransaction(() -> tokens.createSchema(GenericTokenTableFactory.INSTANCE));
    }

    @AfterEach
    void stop() {
        if (processor != null) {
            processor.shutDown();
        }
        broker.shutdownNow();
        events.shutDown();
    }

    @Test
    void relaysEveryEventInEachAggregatesOrderAndMovesTheTokenToTheEnd() {
        Broker kafka = new Broker(record -> false);
        publish(3, 20);
        start(kafka);

        await().atMost(Duration.ofSeconds(30)).until(() -> position() == 59);

        assertThat(kafka.sent).hasSize(60);
        for (List<Long> sequences : kafka.sequencesByAggregate().values()) {
            assertThat(sequences).containsExactlyElementsOf(range(20));
        }
        ProducerRecord<byte[], byte[]> first = kafka.sent.get(0);
        assertThat(first.topic()).isEqualTo(io.maap.events.Topics.ACTION_PLAN_EVENTS);
        assertThat(header(first, "ce_type")).isEqualTo("maap.action.update-requested.v1");
        assertThat(header(first, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(first, "ce_subject")).isEqualTo(new String(first.key(), StandardCharsets.UTF_8));
    }

    @Test
    void aFailedAcknowledgementSendsTheBatchAgainAndLosesNothing() {
        List<ProducerRecord<byte[], byte[]>> failed = new CopyOnWriteArrayList<>();
        Broker kafka = new Broker(record -> index(record) == 14 && failed.isEmpty() && failed.add(record));
        publish(3, 10);
        start(kafka);

        await().atMost(Duration.ofSeconds(30)).until(() -> position() == 29);

        assertThat(failed).hasSize(1);
        assertThat(kafka.sent.stream().filter(record -> index(record) == 14)).hasSize(2);
        Map<String, List<Long>> firstSeen = kafka.sequencesByAggregate();
        for (List<Long> sequences : firstSeen.values()) {
            assertThat(sequences.stream().distinct().toList()).containsExactlyElementsOf(range(10));
        }
    }

    @Test
    void anEventKafkaNeverAcknowledgesHoldsTheToken() {
        Broker kafka = new Broker(record -> index(record) == 14);
        publish(3, 10);
        start(kafka);

        // The processor tried the batch, failed, and is trying it again.
        await().atMost(Duration.ofSeconds(30)).until(() -> kafka.sent.stream().filter(record -> index(record) == 14).count() >= 2);

        assertThat(position()).isLessThan(14);
    }

    @Test
    void outsideAUnitOfWorkASendIsAwaitedAtOnce() {
        CloudEventRelay relay = new CloudEventRelay(record -> CompletableFuture.failedFuture(new IllegalStateException("down")), "urn:test");
        assertThatThrownBy(() -> relay.on(message("a", 0)))
                .hasMessageContaining("did not acknowledge");
    }

    private void start(Broker kafka) {
        processor = TrackingEventProcessor.builder().name(CloudEventRelay.PROCESSING_GROUP)
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder().eventHandlers(new CloudEventRelay(kafka, "urn:test")).build())
                .messageSource(events).tokenStore(tokens).transactionManager(transactions)
                .trackingEventProcessorConfiguration(TrackingEventProcessorConfiguration.forSingleThreadedProcessing().andBatchSize(BATCH))
                .build();
        processor.start();
    }

    /** Events of several aggregates, interleaved, each event's index in its payload's round id. */
    private void publish(int aggregates, int perAggregate) {
        int index = 0;
        for (int sequence = 0; sequence < perAggregate; sequence++) {
            for (int a = 0; a < aggregates; a++) {
                String aggregate = "audit-" + a;
                events.publish(new GenericDomainEventMessage<>("Audit", aggregate, sequence,
                        payload(Integer.toString(index++), sequence)));
            }
        }
    }

    private static ActionUpdateRequested payload(String index, long sequence) {
        return new ActionUpdateRequested(index, "a" + sequence, "p1", "audit", "programme", "nelft", "Lead",
                LocalDate.of(2026, 1, 5), LocalDate.of(2026, 2, 5));
    }

    private static GenericDomainEventMessage<ActionUpdateRequested> message(String aggregate, long sequence) {
        return new GenericDomainEventMessage<>("Audit", aggregate, sequence, payload("0", sequence));
    }

    /** The stored token's position; -1 before the processor has stored one. */
    private long position() {
        try {
            TrackingToken token = transactions.fetchInTransaction(() -> tokens.fetchToken(CloudEventRelay.PROCESSING_GROUP, 0));
            return token == null ? -1 : token.position().orElse(-1);
        } catch (UnableToClaimTokenException notYetInitialised) {
            return -1;
        }
    }

    private static int index(ProducerRecord<byte[], byte[]> record) {
        String json = new String(record.value(), StandardCharsets.UTF_8);
        int start = json.indexOf("\"roundId\":\"") + 11;
        return Integer.parseInt(json.substring(start, json.indexOf('"', start)));
    }

    private static String header(ProducerRecord<byte[], byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static List<Long> range(int count) {
        List<Long> numbers = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            numbers.add(i);
        }
        return numbers;
    }

    /** Acknowledges each record a little later on another thread, or fails it where told. */
    private final class Broker implements RelaySender {

        final List<ProducerRecord<byte[], byte[]>> sent = new CopyOnWriteArrayList<>();
        private final Predicate<ProducerRecord<byte[], byte[]>> fails;

        Broker(Predicate<ProducerRecord<byte[], byte[]>> fails) {
            this.fails = fails;
        }

        @Override
        public CompletableFuture<?> send(ProducerRecord<byte[], byte[]> record) {
            sent.add(record);
            boolean failing = fails.test(record);
            CompletableFuture<Object> ack = new CompletableFuture<>();
            broker.schedule(() -> {
                if (failing) {
                    ack.completeExceptionally(new IllegalStateException("not acknowledged"));
                } else {
                    ack.complete(record);
                }
            }, 1, TimeUnit.MILLISECONDS);
            return ack;
        }

        /** Each aggregate's sequence numbers in the order they were sent. */
        Map<String, List<Long>> sequencesByAggregate() {
            Map<String, List<Long>> sequences = new LinkedHashMap<>();
            for (ProducerRecord<byte[], byte[]> record : sent) {
                sequences.computeIfAbsent(new String(record.key(), StandardCharsets.UTF_8), key -> new ArrayList<>())
                        .add(Long.parseLong(header(record, "ce_sequence")));
            }
            return sequences;
        }
    }
}
