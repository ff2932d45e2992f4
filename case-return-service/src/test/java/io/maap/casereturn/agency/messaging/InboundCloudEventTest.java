package io.maap.casereturn.agency.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Malformed CloudEvents found by the agency topic fuzzing are refused with a code, never thrown as bugs. */
class InboundCloudEventTest {

    private static ConsumerRecord<byte[], byte[]> structured(String value) {
        ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>("maap.agency-submissions.v1.met-police", 0, 0, null,
                value.getBytes(StandardCharsets.UTF_8));
        record.headers().add("content-type", "application/cloudevents+json".getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private static ConsumerRecord<byte[], byte[]> binary(String id) {
        ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>("maap.agency-submissions.v1.met-police", 0, 0, null,
                "{}".getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_id", id.getBytes(StandardCharsets.UTF_8))
                .add("ce_source", "urn:maap:agency:met-police".getBytes(StandardCharsets.UTF_8))
                .add("ce_type", "t".getBytes(StandardCharsets.UTF_8)).add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private static final String ATTRIBUTES = "\"specversion\":\"1.0\",\"id\":\"a\",\"source\":\"s\",\"type\":\"t\"";

    @Test
    void dataBase64ThatIsNotBase64IsAMalformedEvent() {
        assertThatThrownBy(() -> InboundCloudEvent.from(structured("{" + ATTRIBUTES + ",\"data_base64\":\"!!!\"}")))
                .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.code()).isEqualTo("malformed-cloudevent"));
        assertThatThrownBy(() -> InboundCloudEvent.from(structured("{" + ATTRIBUTES + ",\"data_base64\":{}}")))
                .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.code()).isEqualTo("malformed-cloudevent"));
    }

    @Test
    void attributesMustBeStrings() {
        assertThatThrownBy(() -> InboundCloudEvent.from(structured("{\"specversion\":\"1.0\",\"id\":1,\"source\":\"s\",\"type\":\"t\"}")))
                .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.code()).isEqualTo("malformed-cloudevent"));
    }

    @Test
    void attributesAreShortTextWithoutControlCharacters() {
        assertThat(InboundCloudEvent.from(binary("i".repeat(255))).id()).hasSize(255);
        for (String id : new String[] {"i".repeat(256), "a\u0000b", "a\nb", "\uFFFD"}) {
            assertThatThrownBy(() -> InboundCloudEvent.from(binary(id)))
                    .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.code()).isEqualTo("malformed-cloudevent"));
        }
    }

    @Test
    void whatARejectedMessageClaimedIsKeptOnlyAsFarAsTheColumnsTakeIt() {
        assertThat(ProcessedAgencyMessage.fit("t".repeat(100_000), 255)).hasSize(255).endsWith("...");
        assertThat(ProcessedAgencyMessage.fit("a\u0000b\nc", 10)).isEqualTo("a?b?c");
        assertThat(ProcessedAgencyMessage.fit(null, 10)).isNull();
    }

    @Test
    void dataHoldingNulIsFound() {
        assertThat(ReadPayload.holdsNul("{\"a\":\"x\\u0000y\"}".getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(ReadPayload.holdsNul(new byte[] {'{', 0, '}'})).isTrue();
        assertThat(ReadPayload.holdsNul("{\"a\":\"x\\\\u0000y\"}".getBytes(StandardCharsets.UTF_8)))
                .as("an escaped backslash followed by u0000 is text").isFalse();
        assertThat(ReadPayload.holdsNul("{\"a\":\"\\u00e9\"}".getBytes(StandardCharsets.UTF_8))).isFalse();
    }
}
