package io.maap.resilience.fuzz;

import io.maap.events.Topics;
import io.maap.local.MaapServices.Service;
import io.maap.systemtests.TestPlatform;
import io.maap.testsupport.CloudEventRecords;
import io.maap.testsupport.TopicReader;
import io.maap.testsupport.api.ApiClient;
import io.maap.testsupport.api.Commission;
import io.maap.testsupport.api.ReturnRequests;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import static io.maap.testsupport.CloudEventRecords.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Fuzzing of the agency topic: random and structured malformed CloudEvents, in
 * binary and structured mode (missing or garbled attributes and headers, invalid JSON and
 * UTF-8, wrong types, values of about 1 MB, null keys and values), all on one agency's topic,
 * then a valid sentinel. Every bad message must reach the dead-letter topic, byte for byte, with
 * a rejection code, and the sentinel must be applied afterwards: the consumer is not stuck. A
 * message larger than the topic accepts (1 MiB) is refused to the producer by the broker, which
 * is where it belongs. {@code -Dmaap.fuzz.seed=} and {@code -Dmaap.fuzz.iterations=} change the run.
 */
class AgencyTopicFuzzIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String AGENCY = "met-police";
    private static final String SOURCE = "urn:maap:agency:" + AGENCY;
    private static final String ACK = "maap.agency.return-request-acknowledged.v1";
    /** The fixture audit's one case, its reference issued by the partnership at commissioning. */
    private String caseReference;
    private static final String CASE_HEADER = "x-fuzz-case";
    private static final String RUN_HEADER = "x-fuzz-run";
    /** Just under the topic's limit with the headers and batch overhead. */
    private static final int NEAR_LIMIT = 1_040_000;

    private final String run = "fz-" + UUID.randomUUID().toString().substring(0, 8);
    private final String audit = "fuzz-agency-" + run.substring(3);
    private final List<Message> messages = new ArrayList<>();

    /** One malformed message; {@code id} is its ce_id if it has one. */
    record Message(String name, ProducerRecord<byte[], byte[]> record) {
    }

    @Test
    void everyMalformedSubmissionIsDeadLetteredWithACodeAndTheConsumerMovesOn() throws Exception {
        FuzzSettings settings = FuzzSettings.fromSystemProperties("AgencyTopicFuzzIT", 30);
        Random random = settings.random("agency-topic");
        String requestId = commissionAudit();

        binaryCases();
        structuredCases();
        payloadCases();
        randomCases(random, settings.iterations());

        String kafka = TestPlatform.kafka();
        List<String> refusedByBroker = new ArrayList<>();
        Map<String, byte[]> sent = new LinkedHashMap<>();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka,
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 4 * 1024 * 1024),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            // Larger than the topic's max.message.bytes: the broker refuses it; nothing reaches the consumer.
            ProducerRecord<byte[], byte[]> oversized = binary("too-large", validAck("Too large"));
            oversized = new ProducerRecord<>(oversized.topic(), null, oversized.key(), new byte[1_200_000], oversized.headers());
            try {
                producer.send(oversized).get();
            } catch (ExecutionException e) {
                assertThat(e.getCause()).isInstanceOf(RecordTooLargeException.class);
                refusedByBroker.add("too-large");
            }
            assertThat(refusedByBroker).as("a message over 1 MiB is refused by the broker").containsExactly("too-large");
            for (int i = 0; i < messages.size(); i++) {
                Message message = messages.get(i);
                message.record().headers().add(RUN_HEADER, bytes(run)).add(CASE_HEADER, bytes(Integer.toString(i)));
                producer.send(message.record()).get();
                sent.put(Integer.toString(i), message.record().value());
            }
            String sentinelName = "Sentinel " + run;
            producer.send(binary(run + "-sentinel", validAck(sentinelName))).get();
            System.out.printf("AgencyTopicFuzzIT: %d malformed messages and a sentinel sent%n", messages.size());

        }
        List<String> failures = new ArrayList<>();
        try {
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> acknowledgedBy(requestId));
        } catch (ConditionTimeoutException e) {
            failures.add("the sentinel, sent after every malformed message, was not applied within 120 s");
        }
        for (ConsumerRecord<String, byte[]> outcome : TopicReader.readAll(kafka, Topics.CASE_RETURN_EVENTS)) {
            String type = String.valueOf(TopicReader.header(outcome, "ce_type"));
            JsonNode data = type.startsWith("maap.agency-submission.") ? JSON.readTree(outcome.value()) : null;
            String messageId = data == null ? "" : data.path("messageId").asString("");
            if (messageId.startsWith(run) && !messageId.endsWith("-sentinel")) {
                if (type.equals("maap.agency-submission.accepted.v1")) {
                    failures.add("a malformed message was accepted: " + messageId);
                } else if (data.path("code").asString("").equals("already-acknowledged")) {
                    failures.add("a malformed message got as far as the request: " + messageId);
                }
            }
        }

        Map<String, ConsumerRecord<String, byte[]>> dead = new HashMap<>();
        try {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).until(() -> {
                dead.clear();
                for (ConsumerRecord<String, byte[]> record : TopicReader.readAll(kafka, Topics.AGENCY_SUBMISSIONS_DLQ)) {
                    if (run.equals(TopicReader.header(record, RUN_HEADER))) {
                        dead.put(TopicReader.header(record, CASE_HEADER), record);
                    }
                }
                return dead.size() >= sent.size();
            });
        } catch (ConditionTimeoutException e) {
            failures.add(dead.size() + " of " + sent.size() + " malformed messages dead-lettered within 60 s");
        }
        Map<String, Integer> codes = new java.util.TreeMap<>();
        sent.forEach((index, value) -> {
            String name = messages.get(Integer.parseInt(index)).name();
            ConsumerRecord<String, byte[]> record = dead.get(index);
            if (record == null) {
                failures.add(name + ": no dead-letter record");
                return;
            }
            String code = TopicReader.header(record, "x-maap-rejection-code");
            codes.merge(String.valueOf(code), 1, Integer::sum);
            if (code == null || code.isBlank() || code.equals("processing-failed")) {
                failures.add(name + ": dead-lettered without a rejection code (" + code + "): "
                        + TopicReader.header(record, "x-exception-message"));
            }
            if (!Arrays.equals(value, record.value())) {
                failures.add(name + ": the dead-letter record does not hold the original bytes");
            }
        });
        System.out.println("AgencyTopicFuzzIT: rejection codes " + codes);
        FuzzReport.write("agency-topic-failures.txt", failures);
        assertThat(failures).as("malformed agency messages mishandled (seed %d)", settings.seed()).isEmpty();
    }

    // --- the cases -------------------------------------------------------------------------------

    private void binaryCases() {
        byte[] data = validAck("SPOC");
        add("no headers", new ProducerRecord<>(topic(), bytes(AGENCY), data));
        for (String attribute : List.of("ce_id", "ce_source", "ce_type", "ce_specversion")) {
            add("binary without " + attribute, without(binary(id("no-" + attribute), data), attribute));
            add("binary with empty " + attribute, with(binary(id("empty-" + attribute), data), attribute, new byte[0]));
            add("binary with null " + attribute, with(binary(id("null-" + attribute), data), attribute, null));
            add("binary with blank " + attribute, with(binary(id("blank-" + attribute), data), attribute, bytes("  ")));
        }
        for (String version : List.of("0.3", "2.0", "1.0 ", "garbage")) {
            add("specversion " + version, with(binary(id("spec-" + version.strip()), data), "ce_specversion", bytes(version)));
        }
        for (String source : List.of("urn:maap:agency:", "urn:maap:agency:nelft", "urn:maap:agency:MET-POLICE", "../../etc/passwd",
                "urn:maap:agency:met-police/../nelft", "urn:maap:agency:m\u00e9t", "urn:maap:agency:" + "a".repeat(10_000))) {
            add("source " + MalformedRequests.abbreviate(source), with(binary(id("src"), data), "ce_source", bytes(source)));
        }
        for (String type : List.of("maap.agency.unknown.v1", "maap.agency.return-request-acknowledged.v2",
                ACK.toUpperCase(), ACK + "\u0000", "t".repeat(300), "t".repeat(100_000))) {
            add("type " + MalformedRequests.abbreviate(type), with(binary(id("type"), data), "ce_type", bytes(type)));
        }
        add("id of 10,000 characters, valid data", with(binary(id("long"), data), "ce_id", bytes("i".repeat(10_000))));
        add("id with control characters", with(binary(id("ctl"), invalidAck()), "ce_id", bytes(id("ctl") + "\u0000\n")));
        add("headers not UTF-8", with(with(binary(id("utf8"), data), "ce_id", new byte[] {(byte) 0xFF, (byte) 0xFE, 0x41}),
                "ce_type", new byte[] {(byte) 0xC3, 0x28}));
        add("source not UTF-8", with(binary(id("src-utf8"), data), "ce_source", MalformedRequests.concat(bytes("urn:maap:agency:met-"),
                new byte[] {(byte) 0xC3, 0x28})));
        ProducerRecord<byte[], byte[]> twoTypes = binary(id("two-types"), data);
        twoTypes.headers().add("ce_type", bytes("maap.agency.unknown.v1"));
        add("ce_type twice, the last unknown", twoTypes);
        add("content-type garbage", with(binary(id("ct"), invalidAck()), "content-type", bytes(";;;garbage")));
        add("content-type not UTF-8", with(binary(id("ct-utf8"), invalidAck()), "content-type", new byte[] {(byte) 0xFF}));
        add("null key", keyed(binary(id("null-key"), invalidAck()), null));
        add("empty key", keyed(binary(id("empty-key"), invalidAck()), new byte[0]));
        add("huge key", keyed(binary(id("huge-key"), invalidAck()), new byte[100_000]));
        add("many headers", manyHeaders(binary(id("many-headers"), invalidAck())));
    }

    private void structuredCases() {
        ObjectNode event = JSON.createObjectNode().put("specversion", "1.0").put("id", "x").put("source", SOURCE)
                .put("type", ACK).put("datacontenttype", "application/json");
        event.set("data", JSON.readTree(validAck("SPOC")));
        add("structured, value not JSON", structured(bytes("{\"specversion\":\"1.0\",")));
        add("structured, value empty", structured(new byte[0]));
        add("structured, value null", structured((byte[]) null));
        for (String literal : List.of("null", "[]", "\"text\"", "42", "true", "{}")) {
            add("structured, value " + literal, structured(bytes(literal)));
        }
        add("structured, not UTF-8", structured(MalformedRequests.concat(bytes("{\"id\":\""), new byte[] {(byte) 0xC3, 0x28}, bytes("\"}"))));
        add("structured, deep nesting", structured(bytes("[".repeat(100_000) + "]".repeat(100_000))));
        for (String attribute : List.of("id", "source", "type", "specversion")) {
            ObjectNode missing = event.deepCopy().put("id", id("s-no-" + attribute));
            missing.remove(attribute);
            add("structured without " + attribute, structured(missing));
            for (Map.Entry<String, JsonNode> wrong : Map.<String, JsonNode>of("number", JSON.getNodeFactory().numberNode(1),
                    "object", JSON.createObjectNode(), "array", JSON.createArrayNode().add("a"), "null", JSON.getNodeFactory().nullNode(),
                    "boolean", JSON.getNodeFactory().booleanNode(true)).entrySet()) {
                ObjectNode typed = event.deepCopy().put("id", id("s-" + attribute + "-" + wrong.getKey()));
                typed.set(attribute, wrong.getValue());
                add("structured " + attribute + " as " + wrong.getKey(), structured(typed));
            }
        }
        ObjectNode badBase64 = event.deepCopy().put("id", id("b64"));
        badBase64.remove("data");
        badBase64.put("data_base64", "!!!not base64!!!");
        add("structured data_base64 not base64", structured(badBase64));
        ObjectNode garbageBase64 = event.deepCopy().put("id", id("b64-garbage"));
        garbageBase64.remove("data");
        garbageBase64.put("data_base64", Base64.getEncoder().encodeToString(new byte[] {1, 2, 3, (byte) 0xFF}));
        add("structured data_base64 of garbage", structured(garbageBase64));
        ObjectNode base64Object = event.deepCopy().put("id", id("b64-object"));
        base64Object.set("data_base64", JSON.createObjectNode().put("a", 1));
        add("structured data_base64 as an object", structured(base64Object));
        ObjectNode dataString = event.deepCopy().put("id", id("data-string")).put("data", "{\"auditId\":1}");
        add("structured data as a string", structured(dataString));
        ObjectNode noData = event.deepCopy().put("id", id("no-data"));
        noData.remove("data");
        add("structured without data", structured(noData));
        ProducerRecord<byte[], byte[]> charset = structured(event.deepCopy().put("id", id("charset")).put("type", "x"));
        add("structured, charset garbage", with(charset, "content-type", bytes("application/cloudevents+json; charset=garbage")));
        ProducerRecord<byte[], byte[]> camel = new ProducerRecord<>(topic(), bytes(AGENCY), bytes("{\"not\":\"an event\"}"));
        camel.headers().add("contentType", bytes("application/cloudevents+json"));
        add("structured via contentType header, not an event", camel);
        ObjectNode big = event.deepCopy().put("id", id("big-structured"));
        ((ObjectNode) big.get("data")).put("acknowledgedBy", "x".repeat(1_000_000));
        add("structured, about 1 MB", structured(big));
        ObjectNode nearLimit = event.deepCopy().put("id", id("near-limit-structured"));
        ((ObjectNode) nearLimit.get("data")).put("caseHolder", "y".repeat(NEAR_LIMIT - 400));
        add("structured, just under the topic's limit", structured(nearLimit));
    }

    private void payloadCases() {
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("data not JSON", "{not json");
        bodies.put("data empty", "");
        bodies.put("data null", "null");
        bodies.put("data an array", "[" + new String(validAck("SPOC"), StandardCharsets.UTF_8) + "]");
        bodies.put("data a string", "\"text\"");
        bodies.put("data a number", "1e400");
        bodies.put("data deeply nested", "{\"auditId\":" + "[".repeat(50_000) + "]".repeat(50_000) + "}");
        bodies.put("data with a lone surrogate", "{\"auditId\":\"\\ud800\"}");
        bodies.put("data with comments", "/* x */" + new String(validAck("SPOC"), StandardCharsets.UTF_8));
        for (String field : List.of("auditId", "caseReference", "agency", "acknowledgedBy", "caseHolder", "lineManager")) {
            bodies.put(field + " missing", ack(a -> a.remove(field)));
            bodies.put(field + " null", ack(a -> a.putNull(field)));
            bodies.put(field + " blank", ack(a -> a.put(field, "  ")));
            boolean identifier = List.of("auditId", "caseReference", "agency").contains(field);
            if (identifier) {
                // A name may be any text (a number is read as its digits); an identifier may not.
                bodies.put(field + " a number", ack(a -> a.put(field, 12345)));
                bodies.put(field + " path traversal", ack(a -> a.put(field, "../../../../etc/passwd")));
            }
            bodies.put(field + " an object", ack(a -> a.set(field, JSON.createObjectNode().put("$gt", ""))));
            bodies.put(field + " an array", ack(a -> a.set(field, JSON.createArrayNode().add("x"))));
            bodies.put(field + " 100,000 characters", ack(a -> a.put(field, "z".repeat(100_000))));
        }
        bodies.put("NUL in a name, otherwise valid", ack(a -> a.put("caseHolder", "PC \u0000Amber")));
        bodies.put("wrong agency", ack(a -> a.put("agency", "nelft")));
        bodies.put("unknown request", ack(a -> a.put("auditId", "no-such-audit")));
        bodies.put("auditor is the case holder", ack(a -> a.put("auditor", "PC Amber").put("caseHolder", "PC Amber")));
        bodies.put("about 1 MB", ack(a -> a.put("lineManager", "m".repeat(1_000_000))));
        bodies.put("just under the topic's limit", ack(a -> a.put("lineManager", "m".repeat(NEAR_LIMIT))));
        bodies.forEach((name, body) -> add("binary, " + name, binary(id(name.replaceAll("[^a-zA-Z0-9]", "")), bytes(body))));
        add("binary, data not UTF-8", binary(id("data-utf8"), MalformedRequests.concat(bytes("{\"auditId\":\""), new byte[] {(byte) 0xC3, 0x28},
                bytes("\"}"))));
        add("binary, null value", binary(id("tombstone"), null));
        for (String type : List.of("maap.agency.return-submitted.v1", "maap.agency.nil-return-submitted.v1",
                "maap.agency.safeguarding-concern-acknowledged.v1")) {
            add("binary " + type + " with acknowledgement data", with(binary(id(type), validAck("SPOC")), "ce_type", bytes(type)));
        }
        String submission = """
                {"auditId":"%s","caseReference":"%s","agency":"%s","submittedBy":"SPOC","answers":[
                 {"questionId":"q1","answer":"Seen","entries":[{"date":"2026-02-30","entry":"x"}],"grade":{"a":1}}]}"""
                .formatted(audit, caseReference, AGENCY);
        add("submission with an invalid date and grade", with(binary(id("submission"), bytes(submission)), "ce_type",
                bytes("maap.agency.return-submitted.v1")));
        String manyAnswers = "{\"auditId\":\"%s\",\"caseReference\":\"%s\",\"agency\":\"%s\",\"submittedBy\":\"SPOC\",\"answers\":[%s]}"
                .formatted(audit, caseReference, AGENCY, String.join(",", java.util.Collections.nCopies(20_000, "{\"questionId\":\"q1\"}")));
        add("submission with 20,000 answers", with(binary(id("answers"), bytes(manyAnswers)), "ce_type",
                bytes("maap.agency.return-submitted.v1")));
    }

    private void randomCases(Random random, int iterations) {
        String[] headers = {"ce_id", "ce_source", "ce_type", "ce_specversion", "content-type"};
        for (int i = 0; i < iterations; i++) {
            byte[] value = new byte[random.nextInt(2048)];
            random.nextBytes(value);
            ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic(), random.nextBoolean() ? bytes(AGENCY) : null, value);
            for (String header : headers) {
                int choice = random.nextInt(4);
                if (choice == 0) {
                    continue;
                }
                byte[] headerValue = switch (header) {
                    case "ce_id" -> bytes(id("random-" + i));
                    case "ce_source" -> choice == 1 ? bytes(SOURCE) : randomBytes(random, 40);
                    case "ce_type" -> choice == 1 ? bytes(ACK) : randomBytes(random, 60);
                    case "ce_specversion" -> choice == 1 ? bytes("1.0") : randomBytes(random, 5);
                    default -> choice == 1 ? bytes("application/cloudevents+json") : randomBytes(random, 30);
                };
                record.headers().add(header, headerValue);
            }
            add("random #" + i, record);
            ObjectNode mutated = (ObjectNode) JSON.readTree(validAck("SPOC"));
            List<String> fields = List.copyOf(mutated.propertyNames());
            String field = fields.get(random.nextInt(fields.size()));
            StringBuilder text = new StringBuilder();
            for (int n = random.nextInt(200); n > 0; n--) {
                text.appendCodePoint(random.nextInt(4) == 0 ? random.nextInt(32) : 0x20 + random.nextInt(0x2FF));
            }
            mutated.put(field, text.toString());
            mutated.put("acknowledgedBy", "");
            add("random field " + field + " #" + i, binary(id("random-field-" + i), bytes(mutated.toString())));
        }
    }

    // --- building messages --------------------------------------------------------------------------

    private void add(String name, ProducerRecord<byte[], byte[]> record) {
        messages.add(new Message(name, record));
    }

    private String id(String name) {
        return run + "-" + messages.size() + "-" + name;
    }

    private static String topic() {
        return Topics.agencySubmissions(AGENCY);
    }

    private ProducerRecord<byte[], byte[]> binary(String id, byte[] data) {
        ProducerRecord<byte[], byte[]> record = CloudEventRecords.binary(topic(), AGENCY, id, SOURCE, ACK, "");
        return new ProducerRecord<>(record.topic(), null, record.key(), data, record.headers());
    }

    private static ProducerRecord<byte[], byte[]> structured(byte[] value) {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic(), bytes(AGENCY), value);
        record.headers().add("content-type", bytes("application/cloudevents+json; charset=UTF-8"));
        return record;
    }

    private static ProducerRecord<byte[], byte[]> structured(JsonNode event) {
        return structured(bytes(event.toString()));
    }

    private static ProducerRecord<byte[], byte[]> without(ProducerRecord<byte[], byte[]> record, String header) {
        record.headers().remove(header);
        return record;
    }

    private static ProducerRecord<byte[], byte[]> with(ProducerRecord<byte[], byte[]> record, String header, byte[] value) {
        record.headers().remove(header);
        record.headers().add(new RecordHeader(header, value));
        return record;
    }

    private static ProducerRecord<byte[], byte[]> keyed(ProducerRecord<byte[], byte[]> record, byte[] key) {
        return new ProducerRecord<>(record.topic(), null, key, record.value(), record.headers());
    }

    private static ProducerRecord<byte[], byte[]> manyHeaders(ProducerRecord<byte[], byte[]> record) {
        for (int i = 0; i < 1000; i++) {
            record.headers().add("x-extra-" + i, bytes("v" + i));
        }
        return record;
    }

    private byte[] validAck(String acknowledgedBy) {
        return bytes(ack(a -> a.put("acknowledgedBy", acknowledgedBy)));
    }

    /** An acknowledgement that breaks a rule (a blank SPOC), for cases about something else than the data. */
    private byte[] invalidAck() {
        return bytes(ack(a -> a.put("acknowledgedBy", "")));
    }

    private String ack(java.util.function.Consumer<ObjectNode> change) {
        ObjectNode ack = JSON.createObjectNode().put("auditId", audit).put("caseReference", caseReference).put("agency", AGENCY)
                .put("acknowledgedBy", "SPOC").put("caseHolder", "PC Amber").put("lineManager", "DS Jade");
        change.accept(ack);
        return ack.toString();
    }

    private static byte[] randomBytes(Random random, int max) {
        byte[] bytes = new byte[random.nextInt(max + 1)];
        random.nextBytes(bytes);
        return bytes;
    }

    // --- the platform ---------------------------------------------------------------------------

    /** Commissions an audit with one case for the agency and waits for its return request. */
    private String commissionAudit() {
        caseReference = Commission.issuedReferences(TestPlatform.api(Service.AUDIT_PROGRAMME).post("/api/audits",
                Commission.audit(audit).programme("redbridge-2026-27").titled("Agency topic fuzzing", "Neglect")
                        .toolSentOn(LocalDate.now().minusDays(3)).cases(1).agencies(AGENCY), 201)).get(0);
        return ReturnRequests.await(TestPlatform.api(Service.CASE_RETURN), audit, caseReference, AGENCY);
    }

    private boolean acknowledgedBy(String requestId) {
        ApiClient.Response request = TestPlatform.api(Service.CASE_RETURN).get("/api/return-requests/" + requestId);
        return request.status() == 200 && ("Sentinel " + run).equals(request.json().path("acknowledgedBy").asString());
    }
}
