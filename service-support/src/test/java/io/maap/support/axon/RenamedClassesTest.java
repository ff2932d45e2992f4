package io.maap.support.axon;

import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RenamedClassesTest {

    record RoundScheduled(String planId, LocalDate roundOn) {
    }

    private static final byte[] STORED = "{\"planId\":\"p1\",\"roundOn\":\"2017-10-18\"}".getBytes(StandardCharsets.UTF_8);

    private final Serializer serializer = AxonSupportAutoConfiguration.jsonSerializer(
            new RenamedClasses(Map.of("io.maap.old.command.RoundScheduled", RoundScheduled.class)));

    @Test
    void aPayloadStoredUnderItsClassesOldNameIsReadAsTheMovedClass() {
        Object payload = serializer.deserialize(new SimpleSerializedObject<>(STORED, byte[].class,
                "io.maap.old.command.RoundScheduled", null));

        assertThat(payload).isEqualTo(new RoundScheduled("p1", LocalDate.of(2017, 10, 18)));
        assertThat(serializer.classForType(serializer.typeForClass(RoundScheduled.class))).isEqualTo(RoundScheduled.class);
    }

    @Test
    void newPayloadsAreStoredUnderTheNewName() {
        assertThat(serializer.serialize(new RoundScheduled("p1", LocalDate.of(2017, 10, 18)), byte[].class).getType()
                .getName()).isEqualTo(RoundScheduled.class.getName());
    }

    @Test
    void aNameNobodyDeclaredStaysUnknown() {
        Object payload = serializer.deserialize(new SimpleSerializedObject<>(STORED, byte[].class,
                "io.maap.old.command.Unheard", null));

        assertThat(payload).isInstanceOf(UnknownSerializedType.class);
    }

    @Test
    void aTypesClassIsTheSameEveryTimeItIsReadAndAnUnknownNameStaysUnknown() {
        for (int i = 0; i < 3; i++) {
            assertThat(serializer.classForType(new SimpleSerializedType("io.maap.old.command.RoundScheduled", null)))
                    .isEqualTo(RoundScheduled.class);
            assertThat(serializer.classForType(new SimpleSerializedType(RoundScheduled.class.getName(), "1")))
                    .isEqualTo(RoundScheduled.class);
            assertThat(serializer.classForType(new SimpleSerializedType("io.maap.old.command.Unheard", null)))
                    .isEqualTo(UnknownSerializedType.class);
            assertThat(serializer.classForType(SimpleSerializedType.emptyType())).isEqualTo(Void.class);
        }
    }
}
