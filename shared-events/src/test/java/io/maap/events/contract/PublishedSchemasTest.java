package io.maap.events.contract;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.maap.events.EventCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** The published JSON Schemas and examples stay true to the event records, and change only compatibly. */
class PublishedSchemasTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    /**
     * Corrections of a published schema to what its producer has always sent: a field the record
     * documents as null in some cases was published as required, so every such event failed the
     * readers' check and was dead-lettered. No reader could rely on the field being there, so
     * declaring it nullable loses nothing; nothing else about these events may change.
     */
    private static final Map<String, Set<String>> ERRATA = Map.of(
            "maap.section-11.action-plans-presented.v1", Set.of("$.override: no longer required, old readers rely on it",
                    "$.override: type changed from [object] to [null, object]"),
            "maap.section-11.agency-step-recorded.v1", Set.of("$.by: no longer required, old readers rely on it",
                    "$.by: type changed from [string] to [null, string]"),
            // Not a correction but a relaxation (issue 18): a nil return covering any time was sent with the
            // placeholder 1900-01-01 and is now sent with null. No reader relies on the field: MAAP's own read
            // it through NilReturnSubmitted.coversAnyTime(), which takes both as "any time", and no agency may
            // read this topic (each reads only its outcomes topic). Old events stay readable as they were.
            "maap.case-return.nil-return-submitted.v1", Set.of("$.noInvolvementFrom: no longer required, old readers rely on it",
                    "$.noInvolvementFrom: type changed from [string] to [null, string]"));

    static Stream<EventCatalog.Entry> entries() {
        return EventCatalog.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entries")
    void thePublishedSchemaIsUpToDateAndEveryChangeToItCompatible(EventCatalog.Entry entry) {
        String generated = EventSchemas.pretty(EventSchemas.generate(entry));
        Path file = ContractFiles.schemaFile(entry);
        if (Files.exists(file)) {
            List<String> problems = SchemaCompatibility.problems(JSON.readTree(ContractFiles.read(file)), JSON.readTree(generated))
                    .stream().filter(problem -> !ERRATA.getOrDefault(entry.cloudEventType(), Set.of()).contains(problem))
                    .toList();
            if (!problems.isEmpty()) {
                fail("Incompatible change to the published schema of " + entry.cloudEventType() + ": " + problems
                        + ". Published events are forever: keep this record as it is and publish a new version "
                        + "(a new record with @EventType(version = " + (entry.version() + 1) + ")) with an upcaster.");
            }
        }
        if (!Files.exists(file) || !ContractFiles.read(file).equals(generated)) {
            if (ContractFiles.updating()) {
                ContractFiles.write(file, generated);
            } else {
                fail("The schema " + file + " does not match " + entry.payloadType().getName()
                        + " (a compatible change). Refresh the contract files: " + ContractFiles.UPDATE_COMMAND);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entries")
    void everyEventSerialisesToJsonThatValidatesAndReadsBack(EventCatalog.Entry entry) {
        Schema schema = schema(entry);
        for (Object sample : List.of(SampleInstances.full(entry.payloadType()), SampleInstances.minimal(entry.payloadType()))) {
            JsonNode json = JSON.valueToTree(sample);
            assertThat(messages(schema.validate(json))).as("%s validates %s", entry.cloudEventType(), json).isEmpty();
            assertThat(JSON.treeToValue(json, entry.payloadType())).isEqualTo(sample);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entries")
    void theCommittedExampleValidatesAndDeserialises(EventCatalog.Entry entry) {
        Path file = ContractFiles.exampleFile(entry);
        if (!Files.exists(file) && ContractFiles.updating()) {
            ContractFiles.write(file, EventSchemas.pretty(JSON.valueToTree(SampleInstances.full(entry.payloadType()))));
        }
        assertThat(file).as("an example message for agency developers; " + ContractFiles.UPDATE_COMMAND).exists();
        JsonNode example = JSON.readTree(ContractFiles.read(file));
        assertThat(messages(schema(entry).validate(example))).isEmpty();
        Object event = JSON.treeToValue(example, entry.payloadType());
        assertThat((JsonNode) JSON.valueToTree(event)).isEqualTo(example);
    }

    @Test
    void everyPublishedSchemaStillHasItsRecord() throws IOException {
        Set<String> types = EventCatalog.all().stream().map(EventCatalog.Entry::cloudEventType).collect(Collectors.toSet());
        try (Stream<Path> files = Files.list(ContractFiles.SCHEMAS)) {
            List<String> orphans = files.filter(f -> f.toString().endsWith(".json"))
                    .map(f -> f.getFileName().toString().replaceFirst("\\.json$", ""))
                    .filter(type -> !types.contains(type))
                    .toList();
            assertThat(orphans).as("schemas whose event record was removed: stored events of these types could no "
                    + "longer be read; keep the record").isEmpty();
        }
    }

    static Schema schema(EventCatalog.Entry entry) {
        return SCHEMAS.getSchema(ContractFiles.read(ContractFiles.schemaFile(entry)));
    }

    private static List<String> messages(List<Error> errors) {
        return errors.stream().map(Error::toString).toList();
    }
}
