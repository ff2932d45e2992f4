package io.maap.events.contract;

import com.github.victools.jsonschema.generator.CustomDefinition;
import com.github.victools.jsonschema.generator.FieldScope;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jakarta.validation.JakartaValidationModule;
import com.github.victools.jsonschema.module.jakarta.validation.JakartaValidationOption;
import io.maap.events.EventCatalog;
import io.maap.events.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** Generates the JSON Schema (draft 2020-12) of an event payload from its record. */
final class EventSchemas {

    private static final SchemaGenerator GENERATOR = generator();

    private EventSchemas() {
    }

    static ObjectNode generate(EventCatalog.Entry entry) {
        ObjectNode generated = GENERATOR.generateSchema(entry.payloadType());
        ObjectNode schema = generated.objectNode();
        schema.put("$schema", generated.get("$schema").asString());
        schema.put("$id", entry.dataSchema());
        schema.put("title", entry.cloudEventType());
        schema.put("description", ContractFiles.description(entry.payloadType()));
        generated.properties().forEach(field -> {
            if (!field.getKey().equals("$schema")) {
                schema.set(field.getKey(), field.getValue());
            }
        });
        return schema;
    }

    private static SchemaGenerator generator() {
        var config = new SchemaGeneratorConfigBuilder(SchemaVersion.DRAFT_2020_12, OptionPreset.PLAIN_JSON)
                .with(Option.NONPUBLIC_NONSTATIC_FIELDS_WITHOUT_GETTERS)
                .with(Option.DEFINITIONS_FOR_ALL_OBJECTS)
                .with(new JakartaValidationModule(JakartaValidationOption.INCLUDE_PATTERN_EXPRESSIONS));
        config.forFields()
                .withRequiredCheck(field -> !isNullable(field))
                .withNullableCheck(EventSchemas::isNullable)
                // Encrypted on the wire with the audit's key (ADR 0016): readers need the key ring.
                .withInstanceAttributeOverride((attributes, field, context) -> {
                    if (field.getAnnotationConsideringFieldAndGetterIfSupported(io.maap.events.Sensitive.class) != null) {
                        attributes.put("x-maap-sensitive", true);
                    }
                });
        config.forTypesInGeneral().withCustomDefinitionProvider((type, context) -> {
            Class<?> raw = type.getErasedType();
            String format = raw == LocalDate.class ? "date"
                    : raw == Instant.class || raw == OffsetDateTime.class ? "date-time" : null;
            if (format == null) {
                return null;
            }
            ObjectNode node = context.getGeneratorConfig().createObjectNode().put("type", "string").put("format", format);
            return new CustomDefinition(node, CustomDefinition.DefinitionType.INLINE, CustomDefinition.AttributeInclusion.NO);
        });
        return new SchemaGenerator(config.build());
    }

    private static boolean isNullable(FieldScope field) {
        return field.getAnnotationConsideringFieldAndGetterIfSupported(Nullable.class) != null;
    }

    static String pretty(JsonNode node) {
        return JsonMapper.builder().build().writerWithDefaultPrettyPrinter()
                .writeValueAsString(node) + "\n";
    }
}
