package io.maap.casereturn.agency;

import io.maap.testsupport.TestTokens;
import io.maap.casereturn.CaseReturnApplication;
import io.maap.casereturn.request.command.RequestReturn;
import io.maap.events.CaseType;
import io.maap.events.Topics;
import io.maap.events.auditprogramme.AuditCommissioned.AuditQuestion;
import io.maap.events.casereturn.AuditorNominated;
import io.maap.events.casereturn.NilReturnSubmitted;
import io.maap.events.casereturn.ReturnSubmitted;
import io.maap.testsupport.TestInfrastructure;
import io.maap.testsupport.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Agency systems publish CloudEvents on their own maap.agency-submissions.v1.<agency> topics over the real broker: valid
 * ones are applied once, each bad one lands in the dead-letter topic with its reason and its
 * original bytes, every message gets an outcome, and nothing is lost or stuck.
 */
class AgencySubmissionsIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String AUDIT = "ingest-2026";
    private static ConfigurableApplicationContext service;
    private static String kafka;

    @BeforeAll
    static void start() {
        kafka = TestInfrastructure.kafkaBootstrapServers();
        TestInfrastructure.Database db = TestInfrastructure.newPostgresDatabase("maap_case_return_ingest");
        service = CaseReturnApplication.builder().run(TestTokens.trusted(
                "--spring.cloud.stream.kafka.binder.brokers=" + kafka, "--server.port=0",
                "--spring.datasource.url=" + db.jdbcUrl(), "--spring.datasource.username=" + db.username(),
                "--spring.datasource.password=" + db.password(),
                "--spring.cloud.stream.bindings.auditEvents-in-0.group=ingest-it",
                "--maap.agency-submissions.group=ingest-it"));
        CommandGateway commands = service.getBean(CommandGateway.class);
        for (String caseReference : List.of("RBR-2611-I01", "RBR-2611-I02")) {
            for (String agency : List.of("met-police", "nelft")) {
                commands.sendAndWait(new RequestReturn(RequestReturn.idFor(AUDIT, caseReference, agency), AUDIT,
                        "redbridge-2026-27", caseReference, CaseType.CHILD_IN_NEED, agency, LocalDate.of(2099, 1, 5),
                        LocalDate.of(2099, 1, 26), LocalDate.of(2099, 1, 19),
                        List.of(new AuditQuestion("q1", "Was the child seen?", true),
                                new AuditQuestion("q2", "Was the referral timely?", false))));
            }
        }
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    private static String submission(String agency, String caseReference, String firstAnswer) {
        return """
                {"auditId":"%s","caseReference":"%s","agency":"%s","submittedBy":"SPOC","answers":[
                  {"questionId":"q1","answer":"%s","evidenceReferences":["CRIS/2026/77"],
                   "entries":[{"date":"2026-10-01","entry":"Child seen alone"}],"grade":"good"},
                  {"questionId":"q2","answer":"No information held"}]}""".formatted(AUDIT, caseReference, agency, firstAnswer);
    }

    private static String acknowledgement(String agency, String caseReference) {
        return """
                {"auditId":"%s","caseReference":"%s","agency":"%s","acknowledgedBy":"SPOC","caseHolder":"PC Amber",
                 "lineManager":"DS Jade","auditor":"DI Ruby"}""".formatted(AUDIT, caseReference, agency);
    }

    private static String nilReturn(String agency, String caseReference) {
        return """
                {"auditId":"%s","caseReference":"%s","agency":"%s","submittedBy":"SPOC"}""".formatted(AUDIT, caseReference, agency);
    }

    private static ProducerRecord<String, byte[]> binary(String id, String source, String type, String data) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.agencySubmissions(keyOf(source)), null,
                keyOf(source), data.getBytes(StandardCharsets.UTF_8));
        if (id != null) {
            header(record, "ce_id", id);
        }
        header(record, "ce_source", source);
        if (type != null) {
            header(record, "ce_type", type);
        }
        header(record, "ce_specversion", "1.0");
        header(record, "content-type", "application/json");
        return record;
    }

    private static ProducerRecord<String, byte[]> structured(String id, String source, String type, String data) {
        String event = """
                {"specversion":"1.0","id":"%s","source":"%s","type":"%s","datacontenttype":"application/json","data":%s}"""
                .formatted(id, source, type, data);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.agencySubmissions(keyOf(source)), null,
                keyOf(source), event.getBytes(StandardCharsets.UTF_8));
        header(record, "content-type", "application/cloudevents+json; charset=UTF-8");
        return record;
    }

    /** Agencies key their messages by agency code, so that one agency's messages are applied in the order sent. */
    private static String keyOf(String source) {
        return source.substring(source.lastIndexOf(':') + 1);
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void validMessagesAreAppliedOnceAndEveryBadOneIsDeadLetteredWithItsReason() throws Exception {
        String police = "urn:maap:agency:met-police";
        String nelft = "urn:maap:agency:nelft";
        List<ProducerRecord<String, byte[]>> messages = new ArrayList<>(List.of(
                binary("ack-1", police, "maap.agency.return-request-acknowledged.v1", acknowledgement("met-police", "RBR-2611-I01")),
                structured("sub-1", police, "maap.agency.return-submitted.v1", submission("met-police", "RBR-2611-I01", "Yes")),
                structured("sub-1", police, "maap.agency.return-submitted.v1", submission("met-police", "RBR-2611-I01", "Yes")),
                binary("nil-1", police, "maap.agency.nil-return-submitted.v1", nilReturn("met-police", "RBR-2611-I02")),
                binary("bad-json", police, "maap.agency.nil-return-submitted.v1", "{not json"),
                binary("no-type", police, null, nilReturn("met-police", "RBR-2611-I02")),
                binary("blank-answer", police, "maap.agency.return-submitted.v1", submission("met-police", "RBR-2611-I01", " ")),
                binary("unknown-audit", police, "maap.agency.nil-return-submitted.v1",
                        nilReturn("met-police", "RBR-2611-I02").replace(AUDIT, "no-such-audit")),
                binary("wrong-agency", nelft, "maap.agency.nil-return-submitted.v1", nilReturn("met-police", "RBR-2611-I02")),
                binary("no-auditor", nelft, "maap.agency.return-submitted.v1", submission("nelft", "RBR-2611-I01", "Yes"))));
        // The police's message, but published on NELFT's topic (by NELFT's principal): NELFT cannot speak for the police.
        ProducerRecord<String, byte[]> impostor = binary("impostor", police, "maap.agency.nil-return-submitted.v1",
                nilReturn("met-police", "RBR-2611-I02"));
        messages.add(new ProducerRecord<>(Topics.agencySubmissions("nelft"), null, "nelft", impostor.value(), impostor.headers()));
        ProducerRecord<String, byte[]> malformedStructured = new ProducerRecord<>(Topics.agencySubmissions("met-police"), null, "broken",
                "{\"specversion\":\"1.0\",".getBytes(StandardCharsets.UTF_8));
        header(malformedStructured, "content-type", "application/cloudevents+json");
        messages.add(malformedStructured);
        messages.add(binary("sentinel", nelft, "maap.agency.nil-return-submitted.v1", nilReturn("nelft", "RBR-2611-I02")));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka),
                new StringSerializer(), new ByteArraySerializer())) {
            for (ProducerRecord<String, byte[]> message : messages) {
                producer.send(message).get();
            }
        }

        EventStore events = service.getBean(EventStore.class);
        String policeFirst = RequestReturn.idFor(AUDIT, "RBR-2611-I01", "met-police");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(count(events, RequestReturn.idFor(AUDIT, "RBR-2611-I02", "nelft"), NilReturnSubmitted.class)).isEqualTo(1);
            assertThat(count(events, policeFirst, AuditorNominated.class)).isEqualTo(1);
            assertThat(count(events, policeFirst, ReturnSubmitted.class)).isEqualTo(1);
            assertThat(count(events, RequestReturn.idFor(AUDIT, "RBR-2611-I02", "met-police"), NilReturnSubmitted.class)).isEqualTo(1);
        });
        assertThat(count(events, RequestReturn.idFor(AUDIT, "RBR-2611-I01", "nelft"), ReturnSubmitted.class)).isZero();

        // Messages with different keys go to different partitions: wait for all, not for the last one sent.
        await().atMost(Duration.ofSeconds(60)).until(() -> TopicReader.readAll(kafka, Topics.AGENCY_SUBMISSIONS_DLQ).size() >= 8);
        await().atMost(Duration.ofSeconds(60)).until(() -> TopicReader.readAll(kafka, Topics.CASE_RETURN_EVENTS).stream()
                .filter(r -> String.valueOf(TopicReader.header(r, "ce_type")).startsWith("maap.agency-submission.")).count() >= 12);
        List<ConsumerRecord<String, byte[]>> dead = TopicReader.readAll(kafka, Topics.AGENCY_SUBMISSIONS_DLQ);
        Map<String, String> codes = dead.stream().collect(Collectors.toMap(AgencySubmissionsIT::idOf,
                r -> TopicReader.header(r, "x-maap-rejection-code")));
        assertThat(codes).containsExactlyInAnyOrderEntriesOf(Map.of(
                "bad-json", "invalid-payload",
                "no-type", "missing-attribute",
                "blank-answer", "invalid-payload",
                "unknown-audit", "unknown-request",
                "wrong-agency", "wrong-agency",
                "no-auditor", "auditor-not-nominated",
                "broken", "malformed-cloudevent",
                "impostor", "unauthenticated-agency"));
        ConsumerRecord<String, byte[]> badJson = dead.stream().filter(r -> idOf(r).equals("bad-json")).findFirst().orElseThrow();
        assertThat(new String(badJson.value(), StandardCharsets.UTF_8)).isEqualTo("{not json");
        assertThat(TopicReader.header(badJson, "ce_id")).isEqualTo("bad-json");
        assertThat(TopicReader.header(badJson, "x-exception-message")).startsWith("data is not a valid maap.agency.nil-return-submitted.v1");
        assertThat(TopicReader.header(dead.stream().filter(r -> idOf(r).equals("blank-answer")).findFirst().orElseThrow(),
                "x-exception-message")).contains("answers[0].answer").contains("no information held");

        List<ConsumerRecord<String, byte[]>> outcomes = TopicReader.readAll(kafka, Topics.CASE_RETURN_EVENTS).stream()
                .filter(r -> String.valueOf(TopicReader.header(r, "ce_type")).startsWith("maap.agency-submission.")).toList();
        Map<String, List<String>> byMessage = outcomes.stream().collect(Collectors.groupingBy(
                r -> String.valueOf(JSON.readTree(r.value()).get("messageId").asString()),
                Collectors.mapping(r -> TopicReader.header(r, "ce_type") + "@" + r.key(), Collectors.toList())));
        assertThat(byMessage.get("ack-1")).containsExactly("maap.agency-submission.accepted.v1@met-police");
        assertThat(byMessage.get("sub-1")).containsExactly("maap.agency-submission.accepted.v1@met-police");
        assertThat(byMessage.get("nil-1")).containsExactly("maap.agency-submission.accepted.v1@met-police");
        assertThat(byMessage.get("sentinel")).containsExactly("maap.agency-submission.accepted.v1@nelft");
        assertThat(byMessage.get("wrong-agency")).containsExactly("maap.agency-submission.rejected.v1@nelft");
        assertThat(byMessage.get("no-auditor")).containsExactly("maap.agency-submission.rejected.v1@nelft");
        assertThat(byMessage.get("impostor")).containsExactly("maap.agency-submission.rejected.v1@nelft");
        // What the police did is unaffected by the impostor: their nil return (nil-1) was applied once.
        JsonNode rejected = JSON.readTree(outcomes.stream()
                .filter(r -> JSON.readTree(r.value()).get("messageId").asString().equals("unknown-audit")).findFirst()
                .orElseThrow().value());
        assertThat(rejected.get("code").asString()).isEqualTo("unknown-request");
        assertThat(Arrays.asList("met-police", "nelft")).contains(rejected.get("agency").asString());
    }

    private static String idOf(ConsumerRecord<String, byte[]> record) {
        String id = TopicReader.header(record, "ce_id");
        return id != null ? id : record.key();
    }

    private static long count(EventStore events, String id, Class<?> type) {
        return events.readEvents(id).asStream().filter(e -> type.isInstance(e.getPayload())).count();
    }
}
