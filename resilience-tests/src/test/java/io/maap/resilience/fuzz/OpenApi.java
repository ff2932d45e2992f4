package io.maap.resilience.fuzz;

import io.maap.testsupport.api.ApiClient;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The operations a service's OpenAPI document ({@code /v3/api-docs}) publishes, with their inputs. */
public record OpenApi(JsonNode document) {

    /** One documented parameter ({@code in} is {@code path}, {@code query} or {@code header}). */
    public record Param(String name, String in, boolean required, JsonNode schema) {
    }

    /** One operation; {@code body} is the resolved JSON schema of its request body, or null. */
    public record Operation(String method, String path, List<Param> parameters, JsonNode body, boolean bodyRequired) {

        public List<Param> in(String where) {
            return parameters.stream().filter(p -> p.in().equals(where)).toList();
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** Reads the document the service serves at {@code /v3/api-docs}. */
    public static OpenApi read(ApiClient api) {
        return new OpenApi(api.getJson("/v3/api-docs"));
    }

    public List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
                JsonNode operation = method.getValue();
                List<Param> parameters = new ArrayList<>();
                for (JsonNode parameter : operation.path("parameters")) {
                    JsonNode p = resolve(parameter);
                    parameters.add(new Param(p.get("name").asString(), p.get("in").asString(),
                            p.path("required").asBoolean(false), resolve(p.path("schema"))));
                }
                JsonNode content = resolve(operation.path("requestBody")).path("content");
                JsonNode body = content.has("application/json") ? resolve(content.get("application/json").path("schema"))
                        : content.properties().stream().findFirst().map(e -> resolve(e.getValue().path("schema"))).orElse(null);
                operations.add(new Operation(method.getKey().toUpperCase(), path.getKey(), parameters, body,
                        operation.path("requestBody").path("required").asBoolean(false)));
            }
        }
        return operations;
    }

    /** Follows a {@code $ref} to {@code #/components/...}; anything else is returned as it is. */
    public JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; current != null && current.has("$ref") && hops < 20; hops++) {
            String ref = current.get("$ref").asString();
            current = document.at(ref.substring(1));
        }
        return current;
    }
}
