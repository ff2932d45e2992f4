package io.maap.casereturn.agency.messaging;

import io.maap.events.EventCatalog;
import io.maap.events.Topics;
import io.maap.events.agency.AgencySubmissionRejected;
import io.maap.events.casereturn.ReturnAccepted;
import io.maap.events.casereturn.ReturnSentBack;
import io.maap.events.casereturn.ReturnSubmitted;
import io.maap.events.casereturn.SafeguardingConcernRaised;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.mock.MockProducerFactory;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Each connected agency gets its own outcomes, unchanged, on its own topic; nothing else goes anywhere. */
class AgencyOutcomeRelayTest {

    private final AgencyOutcomeRouting routing = new AgencyOutcomeRouting(List.of("met-police", "nelft"));

    private static String type(Class<?> payload) {
        return EventCatalog.forPayload(payload).orElseThrow().cloudEventType();
    }

    private static byte[] json(String agency) {
        return ("{\"returnRequestId\":\"rr-1\",\"caseReference\":\"RBR-1\",\"agency\":\"" + agency + "\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void anAgencysOutcomeGoesToThatAgencysTopic() {
        assertThat(routing.topicFor(type(ReturnAccepted.class), json("met-police")))
                .contains(Topics.agencyOutcomes("met-police"));
        assertThat(routing.topicFor(type(ReturnSentBack.class), json("nelft"))).contains("maap.agency-outcomes.v1.nelft");
        assertThat(routing.topicFor(type(SafeguardingConcernRaised.class), json("nelft"))).contains("maap.agency-outcomes.v1.nelft");
        assertThat(routing.topicFor(type(AgencySubmissionRejected.class), json("met-police")))
                .contains("maap.agency-outcomes.v1.met-police");
    }

    @Test
    void whatTheAgencyDidItselfOtherAgenciesAndUnreadableEventsStayPut() {
        assertThat(routing.topicFor(type(ReturnSubmitted.class), json("met-police"))).isEmpty();
        assertThat(routing.topicFor(type(ReturnAccepted.class), json("bhrut"))).as("not connected over Kafka").isEmpty();
        assertThat(routing.topicFor(type(ReturnAccepted.class), "{\"agency\":7}".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(routing.topicFor(type(ReturnAccepted.class), "not json".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(routing.topicFor(null, json("met-police"))).isEmpty();
        assertThat(routing.topicFor("maap.unknown.v1", json("met-police"))).isEqualTo(Optional.empty());
    }

    @Test
    void theRelayCopiesKeyHeadersAndPayloadUnchanged() throws Exception {
        MockProducer<byte[], byte[]> producer = new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
        AgencyOutcomeRelay relay = new AgencyOutcomeRelay(routing, new MockProducerFactory<>(() -> producer));
        ConsumerRecord<byte[], byte[]> accepted = record(type(ReturnAccepted.class), "rr-1", json("met-police"));
        ConsumerRecord<byte[], byte[]> submitted = record(type(ReturnSubmitted.class), "rr-1", json("met-police"));

        relay.onMessage(accepted);
        relay.onMessage(submitted);

        assertThat(producer.history()).hasSize(1);
        ProducerRecord<byte[], byte[]> copy = producer.history().get(0);
        assertThat(copy.topic()).isEqualTo("maap.agency-outcomes.v1.met-police");
        assertThat(copy.key()).isEqualTo(accepted.key());
        assertThat(copy.value()).isEqualTo(accepted.value());
        assertThat(new String(copy.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8)).isEqualTo("id-1");
        relay.destroy();
    }

    @Test
    void aCopyTheBrokerRefusesFailsTheRecordAndTheRelayRetriesItWithoutEnd() throws Exception {
        MockProducer<byte[], byte[]> producer = new MockProducer<>(false, null, new ByteArraySerializer(), new ByteArraySerializer());
        AgencyOutcomeRelay relay = new AgencyOutcomeRelay(routing, new MockProducerFactory<>(() -> producer));
        ConsumerRecord<byte[], byte[]> accepted = record(type(ReturnAccepted.class), "rr-1", json("met-police"));
        Thread refuse = new Thread(() -> {
            while (!producer.errorNext(new org.apache.kafka.common.errors.TopicAuthorizationException("no ACL"))) {
                Thread.onSpinWait();
            }
        });
        refuse.start();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> relay.onMessage(accepted))
                .as("the failure reaches the container's error handler, so the offset is not committed")
                .hasStackTraceContaining("no ACL");
        refuse.join();

        org.springframework.util.backoff.BackOffExecution retries = AgencyOutcomesConfiguration.relayBackOff().start();
        long longest = 0;
        for (int attempt = 0; attempt < 10_000; attempt++) {
            long wait = retries.nextBackOff();
            assertThat(wait).as("attempt %d is retried, never skipped", attempt)
                    .isNotEqualTo(org.springframework.util.backoff.BackOffExecution.STOP);
            longest = Math.max(longest, wait);
        }
        assertThat(longest).isEqualTo(30_000);
        relay.destroy();
    }

    @Test
    void theAgencyGetsItsOwnReturnsTextDecryptedOrRemovedOnceShredded() throws Exception {
        javax.crypto.SecretKey key = io.maap.support.crypto.MasterKey.newDataKey();
        java.util.Map<String, javax.crypto.SecretKey> keys = new java.util.HashMap<>(java.util.Map.of("missing-2017", key));
        io.maap.support.crypto.AuditKeys auditKeys = new io.maap.support.crypto.AuditKeys() {
            public Optional<javax.crypto.SecretKey> forWriting(String auditId) { return Optional.ofNullable(keys.get(auditId)); }
            public Optional<javax.crypto.SecretKey> forReading(String auditId) { return Optional.ofNullable(keys.get(auditId)); }
            public boolean shred(String auditId, String by, String reason, java.time.Instant at) { return keys.remove(auditId) != null; }
            public Optional<Shredding> shredding(String auditId) { return Optional.empty(); }
        };
        MockProducer<byte[], byte[]> producer = new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
        AgencyOutcomeRelay relay = new AgencyOutcomeRelay(routing, new MockProducerFactory<>(() -> producer), () -> { }, auditKeys);
        String sealed = io.maap.support.crypto.SealedText.seal(key, "missing-2017", "Name the GP");
        byte[] sentBack = ("{\"returnRequestId\":\"rr-1\",\"auditId\":\"missing-2017\",\"agency\":\"nelft\","
                + "\"reasons\":[\"" + sealed + "\"]}").getBytes(StandardCharsets.UTF_8);

        relay.onMessage(record(type(ReturnSentBack.class), "rr-1", sentBack));
        relay.destroy();
        auditKeys.shred("missing-2017", "qa.coordinator", "qa-coordinator", java.time.Instant.now());
        MockProducer<byte[], byte[]> later = new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
        AgencyOutcomeRelay relayLater = new AgencyOutcomeRelay(routing, new MockProducerFactory<>(() -> later), () -> { }, auditKeys);
        relayLater.onMessage(record(type(ReturnSentBack.class), "rr-1", sentBack));
        relayLater.destroy();

        assertThat(new String(producer.history().get(0).value(), StandardCharsets.UTF_8)).contains("\"Name the GP\"")
                .doesNotContain("maap-sealed");
        assertThat(new String(later.history().get(0).value(), StandardCharsets.UTF_8))
                .contains(io.maap.events.Sensitive.REMOVED).doesNotContain("maap-sealed");
    }

    private static ConsumerRecord<byte[], byte[]> record(String type, String key, byte[] value) {
        ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>(Topics.CASE_RETURN_EVENTS, 0, 0,
                key.getBytes(StandardCharsets.UTF_8), value);
        record.headers().add("ce_type", type.getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_id", "id-1".getBytes(StandardCharsets.UTF_8));
        return record;
    }
}
