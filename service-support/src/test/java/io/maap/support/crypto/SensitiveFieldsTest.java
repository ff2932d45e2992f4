package io.maap.support.crypto;

import io.maap.events.Sensitive;
import io.maap.events.casereturn.SafeguardingConcernRaised;
import io.maap.support.axon.AxonSupportAutoConfiguration;
import io.maap.support.axon.RenamedClasses;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.junit.jupiter.api.Test;

import javax.crypto.SecretKey;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SensitiveFieldsTest {

    static final String MASTER = "bWFhcC1sb2NhbC1kZW1vLW1hc3Rlci1rZXktMzJieXQ=";
    static final Instant AT = Instant.parse("2017-10-02T09:00:00Z");

    /** A key store in memory, for the serializer alone. */
    static final class MemoryKeys implements AuditKeys {
        final Map<String, SecretKey> keys = new HashMap<>();
        final Map<String, Shredding> shredded = new HashMap<>();

        @Override
        public Optional<SecretKey> forWriting(String auditId) {
            return shredded.containsKey(auditId) ? Optional.empty()
                    : Optional.of(keys.computeIfAbsent(auditId, id -> MasterKey.newDataKey()));
        }

        @Override
        public Optional<SecretKey> forReading(String auditId) {
            return Optional.ofNullable(keys.get(auditId));
        }

        @Override
        public boolean shred(String auditId, String by, String reason, Instant at) {
            keys.remove(auditId);
            return shredded.putIfAbsent(auditId, new Shredding(auditId, at, by, reason)) == null;
        }

        @Override
        public Optional<Shredding> shredding(String auditId) {
            return Optional.ofNullable(shredded.get(auditId));
        }
    }

    record Entry(String day, @Sensitive String text) {
    }

    record Nested(String auditId, @Sensitive List<String> reasons, @Sensitive List<Entry> entries, String grade) {
    }

    final MemoryKeys keys = new MemoryKeys();
    final SealingSerializer serializer = new SealingSerializer(
            (Jackson3Serializer) AxonSupportAutoConfiguration.jsonSerializer(RenamedClasses.none()),
            keys);

    static SafeguardingConcernRaised concern(String auditId) {
        return new SafeguardingConcernRaised("req-1", auditId, "redbridge-2017-18", "RBR-1707-M01", "met-police",
                "c1", "DI Brown", AT, "Child left alone at 12 Acacia Road");
    }

    @Test
    void theEventStoreHoldsCiphertextAndReadsTheText() {
        SerializedObject<byte[]> stored = serializer.serialize(concern("missing-2017"), byte[].class);
        String json = new String(stored.getData(), StandardCharsets.UTF_8);

        assertThat(json).doesNotContain("Acacia", "DI Brown").contains("maap-sealed:v1:missing-2017:")
                .contains("RBR-1707-M01", "met-police");
        assertThat((Object) serializer.deserialize(stored)).isEqualTo(concern("missing-2017"));
    }

    @Test
    void afterShreddingTheTextReadsAsRemovedAndTheRestStays() {
        SerializedObject<byte[]> stored = serializer.serialize(concern("missing-2017"), byte[].class);
        keys.shred("missing-2017", "qa.coordinator", "qa-coordinator", AT);

        SafeguardingConcernRaised read = serializer.deserialize(stored);

        assertThat(read.summary()).isEqualTo(Sensitive.REMOVED);
        assertThat(read.raisedBy()).isEqualTo(Sensitive.REMOVED);
        assertThat(read.raisedAt()).isEqualTo(AT);
        assertThat(read.caseReference()).isEqualTo("RBR-1707-M01");
        assertThat(serializer.serialize(concern("missing-2017"), byte[].class).getData())
                .asString(StandardCharsets.UTF_8).contains(Sensitive.REMOVED).doesNotContain("Acacia");
    }

    @Test
    void eachAuditHasItsOwnKey() {
        SerializedObject<byte[]> other = serializer.serialize(concern("neglect-2017"), byte[].class);
        serializer.serialize(concern("missing-2017"), byte[].class);
        keys.shred("missing-2017", "retention-policy", "retention-policy", AT);

        assertThat(((SafeguardingConcernRaised) serializer.deserialize(other)).summary())
                .isEqualTo("Child left alone at 12 Acacia Road");
    }

    @Test
    void listsAndNestedRecordsAreSealedElementByElement() {
        Nested nested = new Nested("missing-2017", List.of("Name the GP", "Add the visit"),
                List.of(new Entry("2017-09-01", "Home visit by PC Smith")), "good");
        SerializedObject<byte[]> stored = serializer.serialize(nested, byte[].class);

        assertThat(stored.getData()).asString(StandardCharsets.UTF_8)
                .doesNotContain("Name the GP", "PC Smith").contains("2017-09-01", "good");
        assertThat((Object) serializer.deserialize(stored)).isEqualTo(nested);
    }

    @Test
    void textWrittenBeforeEncryptionStaysReadable() {
        var json = "{\"returnRequestId\":\"req-1\",\"auditId\":\"missing-2017\",\"summary\":\"old text\"}";
        SafeguardingConcernRaised read = serializer.deserialize(new org.axonframework.serialization.SimpleSerializedObject<>(
                json.getBytes(StandardCharsets.UTF_8), byte[].class, serializer.typeForClass(SafeguardingConcernRaised.class)));

        assertThat(read.summary()).isEqualTo("old text");
    }

    @Test
    void textThatLooksSealedIsSealedAgainAndReadsBackAsSent() {
        SerializedObject<byte[]> other = serializer.serialize(concern("neglect-2017"), byte[].class);
        String stolen = new String(other.getData(), StandardCharsets.UTF_8).replaceAll(".*\"summary\":\"([^\"]+)\".*", "$1");
        SafeguardingConcernRaised forged = new SafeguardingConcernRaised("req-1", "missing-2017", "redbridge-2017-18",
                "RBR-1707-M01", "met-police", "c1", "DI Brown", AT, stolen);

        SafeguardingConcernRaised read = serializer.deserialize(serializer.serialize(forged, byte[].class));

        assertThat(stolen).startsWith("maap-sealed:v1:neglect-2017:");
        assertThat(read.summary()).isEqualTo(stolen);
    }

    @Test
    void aTextSealedForOneAuditCannotBePassedOffAsAnothers() {
        SecretKey key = MasterKey.newDataKey();
        String sealed = SealedText.seal(key, "missing-2017", "secret");
        String forged = sealed.replace("missing-2017", "neglect-2017");

        assertThat(SealedText.open(sealed, id -> Optional.of(key))).isEqualTo("secret");
        assertThatThrownBy(() -> SealedText.open(forged, id -> Optional.of(key))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theMasterKeyWrapsDataKeysForOneAuditOnly() {
        MasterKey master = MasterKey.fromBase64(MASTER);
        SecretKey key = MasterKey.newDataKey();
        byte[] wrapped = master.wrap(key, "missing-2017");

        assertThat(master.unwrap(wrapped, "missing-2017").getEncoded()).isEqualTo(key.getEncoded());
        assertThatThrownBy(() -> master.unwrap(wrapped, "neglect-2017")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> MasterKey.fromBase64("c2hvcnQ=")).isInstanceOf(IllegalArgumentException.class);
    }
}
