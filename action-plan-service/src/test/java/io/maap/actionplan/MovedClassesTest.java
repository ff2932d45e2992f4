package io.maap.actionplan;

import io.maap.actionplan.learning.command.Deadlines.ActionDue;
import io.maap.actionplan.learning.command.Deadlines.MonitoringRoundDue;
import io.maap.actionplan.learning.command.Deadlines.UpdatesDue;
import io.maap.actionplan.learning.event.AuditRegistered;
import io.maap.actionplan.learning.event.MonitoringRoundScheduled;
import io.maap.actionplan.learning.event.MonitoringRoundsPaused;
import io.maap.support.axon.AxonSupportAutoConfiguration;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Payloads stored before the classes moved (fixtures in {@code stored/}, named by the class name
 * they were stored under) are read as the moved classes, and the moved classes still write them
 * the same way.
 */
class MovedClassesTest {

    private final Serializer serializer = AxonSupportAutoConfiguration.jsonSerializer(
            new MovedClasses().actionPlanMovedClasses());

    static Stream<Arguments> storedBeforeTheMove() {
        LocalDate roundOn = LocalDate.of(2017, 10, 18);
        return Stream.of(
                Arguments.of("AuditRegistered", new AuditRegistered("rbr-2017-neglect", "redbridge-2017-18", "Neglect",
                        "Neglect", List.of("lbr-childrens-social-care", "met-police", "nelft"))),
                Arguments.of("MonitoringRoundScheduled", new MonitoringRoundScheduled("rbr-2017-neglect", "p1", 1, roundOn)),
                Arguments.of("MonitoringRoundsPaused", new MonitoringRoundsPaused("rbr-2017-neglect", "p1", 2)),
                Arguments.of("Deadlines$ActionDue", new ActionDue("a1")),
                Arguments.of("Deadlines$MonitoringRoundDue", new MonitoringRoundDue("p1", 1, roundOn)),
                Arguments.of("Deadlines$UpdatesDue", new UpdatesDue("p1", "p1-q1")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("storedBeforeTheMove")
    void aPayloadStoredUnderItsOldClassNameIsReadAsTheMovedClass(String oldSimpleName, Object moved) throws IOException {
        String storedType = MovedClasses.AUDIT_COMMAND + oldSimpleName;
        byte[] stored = fixture(storedType);

        Object read = serializer.deserialize(new SimpleSerializedObject<>(stored, byte[].class, storedType, null));

        assertThat(read).isEqualTo(moved);
        JsonMapper json = JsonMapper.builder().build();
        assertThat(json.readTree(serializer.serialize(moved, byte[].class).getData())).isEqualTo(json.readTree(stored));
    }

    private static byte[] fixture(String storedType) throws IOException {
        try (InputStream in = MovedClassesTest.class.getResourceAsStream("/stored/" + storedType + ".json")) {
            assertThat(in).as("fixture for " + storedType).isNotNull();
            return in.readAllBytes();
        }
    }
}
