package io.maap.resilience.fuzz;

import io.maap.resilience.fuzz.OpenApi.Operation;
import io.maap.resilience.fuzz.OpenApi.Param;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

import static io.maap.testsupport.CloudEventRecords.bytes;

/**
 * Malformed requests for one documented operation: structured ones derived from its OpenAPI
 * request schema and parameters (one thing wrong at a time, starting from a plausible request),
 * wrong content types, methods and headers, an oversized body, and seeded random ones.
 */
public final class MalformedRequests {

    /** One request to send; {@code pathAndQuery} is already percent-encoded. */
    public record Case(String name, String method, String pathAndQuery, byte[] body, String contentType,
                       Map<String, String> headers) {
    }

    static final int OVERSIZED_BYTES = 5 * 1024 * 1024;
    private static final String JSON_TYPE = "application/json";
    private static final String RAW = "__fuzz_raw__";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Values that are wrong for (almost) any field, each named for the report. */
    private static final Map<String, Supplier<JsonNode>> WRONG_VALUES = new LinkedHashMap<>();
    /** Values written into the JSON text as they are: not representable as a parsed node. */
    private static final Map<String, String> RAW_VALUES = new LinkedHashMap<>();
    /** Path segments as an attacker or a broken client writes them, already percent-encoded. */
    static final List<String> BAD_PATH_SEGMENTS = List.of(
            "..%2F..%2Fetc%2Fpasswd", "%2e%2e", "..", "%00", "a%00b", "%C0%AE%C0%AE", "%FF%FE", "%F0%9F%98%80",
            "%E2%80%AE", "%20", "%3B", "a%3Bjsessionid%3D1", "%25", "%5C..%5C", "%7B%22%24gt%22%3A%22%22%7D", "%24where",
            "null", "-1", "1e309", "%27%3B%20DROP%20TABLE%20x%3B--", "a".repeat(3000), "%3Cscript%3E",
            "00000000-0000-0000-0000-000000000000", "CON", "~", "a.json", "a%2Fb");
    /** Query values that no documented parameter accepts, already percent-encoded. */
    static final List<String> BAD_QUERY_VALUES = List.of(
            "", "%00", "not-a-date", "2026-02-30T00%3A00%3A00Z", "2026-13-45", "-999999999-01-01T00%3A00%3A00Z",
            "%2B1000000000-01-01T00%3A00%3A00Z", "1970-01-01T00%3A00%3A00Z", "9999-12-31T23%3A59%3A59Z",
            "99999999999999999999", "-1", "-2147483649", "2147483648", "1.5", "NaN", "abc", "true%00", "%C0%AE",
            "%F0%9F%98%80", "a".repeat(3000), "%7B%22%24ne%22%3A1%7D", "..%2F..%2F", "NOT_A_VALUE");

    static {
        WRONG_VALUES.put("null", NODES::nullNode);
        WRONG_VALUES.put("empty string", () -> NODES.stringNode(""));
        WRONG_VALUES.put("blank string", () -> NODES.stringNode("   \t "));
        WRONG_VALUES.put("number", () -> NODES.numberNode(12345));
        WRONG_VALUES.put("negative number", () -> NODES.numberNode(-1));
        WRONG_VALUES.put("fraction", () -> NODES.numberNode(1.5d));
        WRONG_VALUES.put("boolean", () -> NODES.booleanNode(true));
        WRONG_VALUES.put("object", NODES::objectNode);
        WRONG_VALUES.put("array", NODES::arrayNode);
        WRONG_VALUES.put("invalid date", () -> NODES.stringNode("2026-02-30"));
        WRONG_VALUES.put("invalid date-time", () -> NODES.stringNode("2026-13-45T25:61:00Z"));
        WRONG_VALUES.put("year out of range", () -> NODES.stringNode("+999999999-12-31"));
        WRONG_VALUES.put("invalid enum", () -> NODES.stringNode("NOT_A_VALUE"));
        WRONG_VALUES.put("invalid uuid", () -> NODES.stringNode("00000000-0000-0000-0000-00000000000g"));
        WRONG_VALUES.put("path traversal", () -> NODES.stringNode("../../../../etc/passwd"));
        WRONG_VALUES.put("markup", () -> NODES.stringNode("<script>alert(1)</script>"));
        WRONG_VALUES.put("control and unicode", () -> NODES.stringNode("Zo\u00eb \u202e\u0000\u0007 \uD83D\uDE00 \uFFFF"));
        WRONG_VALUES.put("mongo operator", () -> NODES.objectNode().put("$gt", ""));
        WRONG_VALUES.put("long string", () -> NODES.stringNode("x".repeat(10_000)));
        RAW_VALUES.put("number overflow", "1e400");
        RAW_VALUES.put("huge integer", "123456789012345678901234567890");
        RAW_VALUES.put("lone surrogate", "\"\\ud800x\"");
        RAW_VALUES.put("NaN", "NaN");
    }

    private final Operation operation;
    private final JsonSamples samples;
    private final Random random;
    private final int iterations;
    private final Map<String, String> pathValues = new LinkedHashMap<>();
    private final JsonNode sample;

    public MalformedRequests(Operation operation, JsonSamples samples, Random random, int iterations) {
        this.operation = operation;
        this.samples = samples;
        this.random = random;
        this.iterations = iterations;
        for (Param p : operation.in("path")) {
            pathValues.put(p.name(), encode(samples.sample(p.schema()).asString()));
        }
        this.sample = operation.body() == null ? null : samples.sample(operation.body());
    }

    public List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        pathCases(cases);
        queryCases(cases);
        protocolCases(cases);
        if (takesBody()) {
            bodyCases(cases);
            fieldCases(cases);
            randomCases(cases);
        } else {
            cases.add(new Case("unexpected body", operation.method(), path(Map.of()), randomBytes(512), JSON_TYPE, Map.of()));
        }
        return cases;
    }

    private boolean takesBody() {
        return sample != null;
    }

    private byte[] plausibleBody() {
        return sample == null ? null : bytes(JSON.writeValueAsString(sample));
    }

    private String plausibleType() {
        return sample == null ? null : JSON_TYPE;
    }

    private void pathCases(List<Case> cases) {
        for (String name : pathValues.keySet()) {
            for (String bad : BAD_PATH_SEGMENTS) {
                cases.add(new Case("path {" + name + "}=" + abbreviate(bad), operation.method(), path(Map.of(name, bad)),
                        plausibleBody(), plausibleType(), Map.of()));
            }
        }
    }

    private void queryCases(List<Case> cases) {
        List<String> names = new ArrayList<>(operation.in("query").stream().map(Param::name).toList());
        String base = path(Map.of());
        for (String name : names) {
            for (String bad : BAD_QUERY_VALUES) {
                cases.add(new Case("query " + name + "=" + abbreviate(bad), operation.method(), base + "?" + name + "=" + bad,
                        plausibleBody(), plausibleType(), Map.of()));
            }
            cases.add(new Case("query " + name + " repeated", operation.method(), base + "?" + name + "=a&" + name + "=b",
                    plausibleBody(), plausibleType(), Map.of()));
            cases.add(new Case("query " + name + " without value", operation.method(), base + "?" + name,
                    plausibleBody(), plausibleType(), Map.of()));
        }
        for (String extra : List.of("page=-1", "size=-1", "size=0", "size=2147483648", "page=99999999999", "asAt=yesterday",
                "unknown%00=%FF", "%3D%3D%3D", "&&&", "a[b]=c")) {
            cases.add(new Case("query " + extra, operation.method(), base + "?" + extra, plausibleBody(), plausibleType(), Map.of()));
        }
    }

    private void protocolCases(List<Case> cases) {
        String base = path(Map.of());
        for (String method : List.of("PATCH", "DELETE", "TRACE", operation.method().equals("GET") ? "POST" : "GET")) {
            cases.add(new Case("method " + method, method, base, null, null, Map.of()));
        }
        for (String accept : List.of("application/xml", "text/csv", "image/png", "garbage", "application/json;q=abc")) {
            cases.add(new Case("Accept " + accept, operation.method(), base, plausibleBody(), plausibleType(), Map.of("Accept", accept)));
        }
        cases.add(new Case("long correlation id", operation.method(), base, plausibleBody(), plausibleType(),
                Map.of("X-Correlation-Id", "c".repeat(4000))));
        cases.add(new Case("odd correlation id", operation.method(), base, plausibleBody(), plausibleType(),
                Map.of("X-Correlation-Id", "../../$where {\"a\":1} <x>")));
    }

    private void bodyCases(List<Case> cases) {
        String base = path(Map.of());
        String method = operation.method();
        String text = JSON.writeValueAsString(sample);
        cases.add(new Case("no body", method, base, null, JSON_TYPE, Map.of()));
        cases.add(new Case("empty body", method, base, new byte[0], JSON_TYPE, Map.of()));
        for (String literal : List.of("null", "[]", "\"text\"", "42", "true", "{}", "[{}]", "{\"\":null}")) {
            cases.add(new Case("body " + literal, method, base, bytes(literal), JSON_TYPE, Map.of()));
        }
        cases.add(new Case("truncated JSON", method, base, bytes(text.substring(0, text.length() - Math.min(3, text.length() - 1))),
                JSON_TYPE, Map.of()));
        cases.add(new Case("trailing garbage", method, base, bytes(text + "}}]x"), JSON_TYPE, Map.of()));
        cases.add(new Case("two documents", method, base, bytes(text + text), JSON_TYPE, Map.of()));
        cases.add(new Case("byte order mark", method, base, concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, bytes(text)),
                JSON_TYPE, Map.of()));
        cases.add(new Case("comment", method, base, bytes("/* c */" + text), JSON_TYPE, Map.of()));
        cases.add(new Case("single quotes", method, base, bytes(text.replace('"', '\'')), JSON_TYPE, Map.of()));
        cases.add(new Case("invalid UTF-8", method, base, concat(bytes("{\"x\":\""), new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF},
                bytes("\"}")), JSON_TYPE, Map.of()));
        cases.add(new Case("UTF-16 body", method, base, text.getBytes(StandardCharsets.UTF_16), JSON_TYPE, Map.of()));
        cases.add(new Case("deeply nested arrays", method, base, bytes("[".repeat(50_000) + "]".repeat(50_000)), JSON_TYPE, Map.of()));
        cases.add(new Case("deeply nested objects", method, base, bytes("{\"a\":".repeat(20_000) + "1" + "}".repeat(20_000)),
                JSON_TYPE, Map.of()));
        cases.add(new Case("unclosed nesting", method, base, bytes("{\"a\":[".repeat(10_000)), JSON_TYPE, Map.of()));
        if (sample.isObject()) {
            ObjectNode extra = ((ObjectNode) sample).deepCopy();
            extra.put("unknownField", "x").set("@class", NODES.stringNode("java.lang.ProcessBuilder"));
            extra.set("__proto__", NODES.objectNode().put("admin", true));
            cases.add(new Case("extra fields", method, base, bytes(JSON.writeValueAsString(extra)), JSON_TYPE, Map.of()));
            ObjectNode padded = ((ObjectNode) sample).deepCopy();
            padded.put("padding", "x".repeat(OVERSIZED_BYTES));
            cases.add(new Case("oversized body (5 MB)", method, base, bytes(JSON.writeValueAsString(padded)), JSON_TYPE, Map.of()));
        }
        cases.add(new Case("oversized garbage (5 MB)", method, base, randomBytes(OVERSIZED_BYTES), JSON_TYPE, Map.of()));
        byte[] plausible = bytes(text);
        for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data",
                "multipart/form-data; boundary=fuzz", "application/octet-stream", "application/json; charset=UTF-16",
                "application/json; charset=no-such-charset", "application/cloudevents+json", "application/problem+json",
                "garbage", ";;;", "*/*", "application/*")) {
            cases.add(new Case("Content-Type " + type, method, base, plausible, type, Map.of()));
        }
        cases.add(new Case("no Content-Type", method, base, plausible, null, Map.of()));
        cases.add(new Case("form body", method, base, bytes("a=b&c=%FF&d"), "application/x-www-form-urlencoded", Map.of()));
        cases.add(new Case("xml body", method, base, bytes("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>"),
                "application/xml", Map.of()));
    }

    /** One field wrong at a time, everywhere in the body (nested objects and the first element of arrays). */
    private void fieldCases(List<Case> cases) {
        String base = path(Map.of());
        List<String> pointers = pointers(sample, "", 0);
        for (String pointer : pointers) {
            boolean inObject = !pointer.substring(pointer.lastIndexOf('/') + 1).matches("\\d+");
            if (inObject) {
                cases.add(new Case(pointer + " missing", operation.method(), base, replaced(sample, pointer, null, null), JSON_TYPE, Map.of()));
            }
            WRONG_VALUES.forEach((name, value) -> cases.add(new Case(pointer + " " + name, operation.method(), base,
                    replaced(sample, pointer, value.get(), null), JSON_TYPE, Map.of())));
            RAW_VALUES.forEach((name, raw) -> cases.add(new Case(pointer + " " + name, operation.method(), base,
                    replaced(sample, pointer, null, raw), JSON_TYPE, Map.of())));
        }
        // The expensive ones at a few fields only, chosen by the seed.
        List<String> chosen = new ArrayList<>(pointers);
        Collections.shuffle(chosen, random);
        for (String pointer : chosen.subList(0, Math.min(2, chosen.size()))) {
            cases.add(new Case(pointer + " huge string", operation.method(), base,
                    replaced(sample, pointer, NODES.stringNode("\u00e9".repeat(400_000)), null), JSON_TYPE, Map.of()));
            ArrayNode many = NODES.arrayNode();
            JsonNode element = sample.at(pointer);
            for (int i = 0; i < 20_000; i++) {
                many.add(element.deepCopy());
            }
            cases.add(new Case(pointer + " huge array", operation.method(), base, replaced(sample, pointer, many, null),
                    JSON_TYPE, Map.of()));
            cases.add(new Case(pointer + " deep nesting", operation.method(), base,
                    replaced(sample, pointer, null, "[".repeat(5_000) + "]".repeat(5_000)), JSON_TYPE, Map.of()));
        }
    }

    private void randomCases(List<Case> cases) {
        String base = path(Map.of());
        List<String> pointers = pointers(sample, "", 0);
        List<String> names = new ArrayList<>(WRONG_VALUES.keySet());
        for (int i = 0; i < iterations; i++) {
            cases.add(new Case("random bytes #" + i, operation.method(), base, randomBytes(random.nextInt(4096)), JSON_TYPE, Map.of()));
            cases.add(new Case("random JSON tokens #" + i, operation.method(), base, bytes(randomTokens()), JSON_TYPE, Map.of()));
            if (!pointers.isEmpty()) {
                JsonNode body = sample.deepCopy();
                StringBuilder what = new StringBuilder("random fields #" + i + ":");
                for (int n = 1 + random.nextInt(3); n > 0; n--) {
                    String pointer = pointers.get(random.nextInt(pointers.size()));
                    String value = names.get(random.nextInt(names.size()));
                    if (body.at(pointer).isMissingNode()) {
                        continue;
                    }
                    body = JSON.readTree(replaced(body, pointer, WRONG_VALUES.get(value).get(), null));
                    what.append(' ').append(pointer).append('=').append(value);
                }
                cases.add(new Case(what.toString(), operation.method(), base, bytes(JSON.writeValueAsString(body)), JSON_TYPE, Map.of()));
            }
            if (!pointers.isEmpty()) {
                String pointer = pointers.get(random.nextInt(pointers.size()));
                cases.add(new Case("random string at " + pointer + " #" + i, operation.method(), base,
                        replaced(sample, pointer, NODES.stringNode(randomString(random.nextInt(300))), null), JSON_TYPE, Map.of()));
            }
        }
    }

    private String randomTokens() {
        String[] tokens = {"{", "}", "[", "]", ",", ":", "\"a\"", "\"\"", "1", "-0", "1e5", "null", "true", "\"\\u0000\"", "\"\\", " "};
        StringBuilder text = new StringBuilder();
        for (int n = random.nextInt(200); n > 0; n--) {
            text.append(tokens[random.nextInt(tokens.length)]);
        }
        return text.toString();
    }

    private String randomString(int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(4);
            text.appendCodePoint(switch (kind) {
                case 0 -> random.nextInt(32);
                case 1 -> 32 + random.nextInt(95);
                case 2 -> 0x80 + random.nextInt(0xD000);
                default -> 0x10000 + random.nextInt(0x10000);
            });
        }
        return text.toString();
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    /** The operation's path with plausible (unknown) ids, some replaced by the given raw segments. */
    private String path(Map<String, String> overrides) {
        String path = operation.path();
        for (Map.Entry<String, String> value : pathValues.entrySet()) {
            path = path.replace("{" + value.getKey() + "}", overrides.getOrDefault(value.getKey(), value.getValue()));
        }
        return path;
    }

    static List<String> pointers(JsonNode node, String at, int depth) {
        List<String> out = new ArrayList<>();
        if (depth > 4) {
            return out;
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> property : node.properties()) {
                String pointer = at + "/" + property.getKey();
                out.add(pointer);
                out.addAll(pointers(property.getValue(), pointer, depth + 1));
            }
        } else if (node.isArray() && !node.isEmpty()) {
            String pointer = at + "/0";
            out.add(pointer);
            out.addAll(pointers(node.get(0), pointer, depth + 1));
        }
        return out;
    }

    /** The sample with the node at {@code pointer} replaced by {@code value} (or raw JSON text), or removed if both are null. */
    static byte[] replaced(JsonNode sample, String pointer, JsonNode value, String raw) {
        JsonNode copy = sample.deepCopy();
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = copy.at(pointer.substring(0, slash));
        String last = pointer.substring(slash + 1);
        JsonNode replacement = raw != null ? NODES.stringNode(RAW) : value;
        if (parent instanceof ObjectNode object) {
            if (replacement == null) {
                object.remove(last);
            } else {
                object.set(last, replacement);
            }
        } else if (parent instanceof ArrayNode array) {
            int index = Integer.parseInt(last);
            if (replacement == null) {
                array.remove(index);
            } else {
                array.set(index, replacement);
            }
        }
        String text = JSON.writeValueAsString(copy);
        return bytes(raw == null ? text : text.replace("\"" + RAW + "\"", raw));
    }

    static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 20) + "...(" + text.length() + " chars)";
    }

    static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
