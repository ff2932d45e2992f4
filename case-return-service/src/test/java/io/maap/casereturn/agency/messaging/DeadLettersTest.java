package io.maap.casereturn.agency.messaging;

import io.maap.casereturn.agency.messaging.Outcome.Rejected;
import io.maap.events.Topics;
import io.maap.support.messaging.EventJson;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.kafka.core.KafkaTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

class DeadLettersTest {

    @SuppressWarnings("unchecked")
    private final KafkaTemplate<byte[], byte[]> kafka = mock(KafkaTemplate.class);
    private final ProcessedAgencyMessages processed = mock(ProcessedAgencyMessages.class);
    private final DeadLetters deadLetters = new DeadLetters(kafka, processed, new OutcomePublisher(kafka, processed,
            "urn:maap:case-return-service"), Clock.fixed(Instant.parse("2026-12-03T10:00:00Z"), ZoneOffset.UTC));

    @BeforeEach
    void brokerAndDatabaseAnswer() {
        given(kafka.send(any(ProducerRecord.class))).willReturn(CompletableFuture.completedFuture(null));
        given(processed.save(any())).willAnswer(call -> call.getArgument(0));
    }

    /** A binary-mode message without a type, on {@code topicAgency}'s topic, from {@code source}. */
    private static ConsumerRecord<byte[], byte[]> untyped(String topicAgency, String source) {
        ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>(Topics.agencySubmissions(topicAgency), 2, 41,
                topicAgency.getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_id", "m-1".getBytes(StandardCharsets.UTF_8))
                .add("ce_source", source.getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private List<ProducerRecord<byte[], byte[]>> sent() {
        @SuppressWarnings("unchecked")
        ArgumentCaptor<ProducerRecord<byte[], byte[]>> records = ArgumentCaptor.forClass(ProducerRecord.class);
        verify(kafka, times(2)).send(records.capture());
        return records.getAllValues();
    }

    private static String header(ProducerRecord<byte[], byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    @Test
    void theDeadLetterIsTheMessageWithItsReasonCodeAndOrigin() {
        ConsumerRecord<byte[], byte[]> record = untyped("met-police", "urn:maap:agency:met-police");
        deadLetters.reject(record, null, new Rejected<>("missing-attribute", "missing CloudEvents attribute 'type'"));
        ProducerRecord<byte[], byte[]> dead = sent().get(0);
        assertThat(dead.topic()).isEqualTo(Topics.AGENCY_SUBMISSIONS_DLQ);
        assertThat(dead.value()).isEqualTo(record.value());
        assertThat(header(dead, "ce_id")).isEqualTo("m-1");
        assertThat(header(dead, DeadLetters.CODE_HEADER)).isEqualTo("missing-attribute");
        assertThat(header(dead, DeadLetters.REASON_HEADER)).isEqualTo("missing CloudEvents attribute 'type'");
        assertThat(header(dead, "x-maap-original-topic")).isEqualTo("maap.agency-submissions.v1.met-police");
        assertThat(header(dead, "x-maap-original-partition")).isEqualTo("2");
        assertThat(header(dead, "x-maap-original-offset")).isEqualTo("41");
        assertThat(record.headers().lastHeader(DeadLetters.CODE_HEADER)).as("the consumed record is left as it was").isNull();
    }

    @Test
    void theAgencysOwnRejectedMessageIsRememberedSoTheSameIdIsNotAppliedLater() {
        deadLetters.reject(untyped("met-police", "urn:maap:agency:met-police"), null,
                new Rejected<>("missing-attribute", "missing CloudEvents attribute 'type'"));
        ProducerRecord<byte[], byte[]> outcome = sent().get(1);
        assertThat(new String(outcome.key(), StandardCharsets.UTF_8)).isEqualTo("met-police");
        assertThat(EventJson.mapper().readTree(outcome.value()).get("agency").asString()).isEqualTo("met-police");
        verify(processed, times(2)).save(any());
    }

    @Test
    void anImpostorsRejectedMessageIsNotRememberedAndTheTopicsAgencyIsTold() {
        deadLetters.reject(untyped("nelft", "urn:maap:agency:met-police"), null,
                new Rejected<>("missing-attribute", "missing CloudEvents attribute 'type'"));
        ProducerRecord<byte[], byte[]> outcome = sent().get(1);
        assertThat(new String(outcome.key(), StandardCharsets.UTF_8)).isEqualTo("nelft");
        assertThat(EventJson.mapper().readTree(outcome.value()).get("agency").asString()).isEqualTo("nelft");
        verify(processed, never()).save(any());
    }
}
