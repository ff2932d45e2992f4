package io.maap.events.contract;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class SchemaCompatibilityTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String PUBLISHED = """
            {"type": "object", "required": ["auditId", "caseType", "cases"],
             "properties": {
               "auditId": {"type": "string"},
               "dueDate": {"type": "string", "format": "date"},
               "caseType": {"type": "string", "enum": ["CHILD_PROTECTION", "LOOKED_AFTER"]},
               "cases": {"type": "array", "items": {"$ref": "#/$defs/Case"}}},
             "$defs": {"Case": {"type": "object", "required": ["ref"], "properties": {"ref": {"type": "string"}}}}}
            """;

    private static JsonNode edited(String from, String to) {
        String edited = PUBLISHED.replace(from, to);
        assertThat(edited).as("fixture edit applies").isNotEqualTo(PUBLISHED);
        return JSON.readTree(edited);
    }

    @Test
    void anUnchangedSchemaIsCompatible() {
        assertThat(SchemaCompatibility.problems(JSON.readTree(PUBLISHED), JSON.readTree(PUBLISHED))).isEmpty();
    }

    @Test
    void addingAnOptionalPropertyIsCompatible() {
        assertThat(SchemaCompatibility.problems(JSON.readTree(PUBLISHED),
                edited("\"auditId\": {\"type\": \"string\"},", "\"auditId\": {\"type\": \"string\"}, \"note\": {\"type\": \"string\"},")))
                .isEmpty();
    }

    @Test
    void removingAPropertyIsIncompatible() {
        assertThat(SchemaCompatibility.problems(JSON.readTree(PUBLISHED),
                edited("\"dueDate\": {\"type\": \"string\", \"format\": \"date\"},", "")))
                .containsExactly("$.dueDate: property removed");
    }

    @Test
    void changingATypeOrFormatIsIncompatible() {
        assertThat(SchemaCompatibility.problems(JSON.readTree(PUBLISHED), edited("\"auditId\": {\"type\": \"string\"}", "\"auditId\": {\"type\": \"integer\"}")))
                .containsExactly("$.auditId: type changed from [string] to [integer]");
        assertThat(SchemaCompatibility.problems(JSON.readTree(PUBLISHED), edited("\"format\": \"date\"", "\"format\": \"date-time\"")))
                .containsExactly("$.dueDate: format changed from 'date' to 'date-time'");
    }

    @Test
    void requiringAPropertyThatWasOptionalIsIncompatible() {
        assertThat(SchemaCompatibility.problems(JSON.readTree(PUBLISHED), edited("\"required\": [\"auditId\",", "\"required\": [\"dueDate\", \"auditId\",")))
                .containsExactly("$.dueDate: newly required, events already stored lack it");
    }

    @Test
    void makingARequiredPropertyOptionalIsIncompatible() {
        assertThat(SchemaCompatibility.problems(JSON.readTree(PUBLISHED), edited("\"required\": [\"auditId\", ", "\"required\": [")))
                .containsExactly("$.auditId: no longer required, old readers rely on it");
    }

    @Test
    void addingOrRemovingAnEnumValueIsIncompatible() {
        assertThat(SchemaCompatibility.problems(JSON.readTree(PUBLISHED), edited("\"LOOKED_AFTER\"]", "\"LOOKED_AFTER\", \"EARLY_HELP\"]")))
                .hasSize(1).first().asString().startsWith("$.caseType: enum changed");
        assertThat(SchemaCompatibility.problems(JSON.readTree(PUBLISHED), edited(", \"LOOKED_AFTER\"]", "]")))
                .hasSize(1);
    }

    @Test
    void makingAReferencedObjectNullableIsIncompatible() {
        assertThat(SchemaCompatibility.problems(JSON.readTree(PUBLISHED), edited("\"items\": {\"$ref\": \"#/$defs/Case\"}",
                "\"items\": {\"anyOf\": [{\"type\": \"null\"}, {\"$ref\": \"#/$defs/Case\"}]}")))
                .containsExactly("$.cases[]: type changed from [object] to [null, object]");
    }

    @Test
    void changesInsideReferencedDefinitionsAreFound() {
        assertThat(SchemaCompatibility.problems(JSON.readTree(PUBLISHED), edited("\"ref\": {\"type\": \"string\"}", "\"ref\": {\"type\": \"number\"}")))
                .containsExactly("$.cases[].ref: type changed from [string] to [number]");
    }
}
