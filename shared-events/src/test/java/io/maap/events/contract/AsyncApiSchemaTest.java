package io.maap.events.contract;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
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
 * The AsyncAPI document is a valid AsyncAPI 3.0.0 document: it validates against the
 * specification's own JSON schema ({@code asyncapi-spec/asyncapi-3.0.0.json}: {@code schemas/3.0.0.json}
 * of the npm package {@code @asyncapi/specs} 6.11.1, Apache License 2.0, the schema AsyncAPI's
 * parser validates with), so tools that read AsyncAPI (generators, catalogues) read ours.
 */
class AsyncApiSchemaTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static Schema asyncApi300() throws IOException {
        try (InputStream in = AsyncApiSchemaTest.class.getResourceAsStream("/asyncapi-spec/asyncapi-3.0.0.json")) {
            ObjectNode schema = (ObjectNode) JSON.readTree(in);
            // The file names draft 7 without the trailing '#' the validator matches on; it is draft 7.
            schema.put("$schema", SpecificationVersion.DRAFT_7.getDialectId());
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
                    .getSchema(SchemaLocation.of("classpath:asyncapi-spec/asyncapi-3.0.0.json"), schema);
        }
    }

    private static List<String> problems(Map<String, Object> document) throws IOException {
        JsonNode tree = JSON.valueToTree(document);
        return asyncApi300().validate(tree).stream().map(Error::toString).toList();
    }

    private static Map<String, Object> document() {
        return new Yaml().load(ContractFiles.read(ContractFiles.ASYNCAPI));
    }

    @Test
    void theDocumentValidatesAgainstTheAsyncApi300Schema() throws IOException {
        assertThat(problems(document())).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theSchemaRefusesWhatAsyncApiRefuses() throws IOException {
        Map<String, Object> broken = new LinkedHashMap<>(document());
        broken.put("channel", Map.of());
        Map<String, Object> servers = new LinkedHashMap<>((Map<String, Object>) broken.get("servers"));
        servers.put("nowhere", Map.of("protocol", "kafka"));
        broken.put("servers", servers);

        assertThat(problems(broken)).as("an unknown top-level field and a server without its host")
                .anyMatch(p -> p.contains("channel")).anyMatch(p -> p.contains("host"));
    }
}
