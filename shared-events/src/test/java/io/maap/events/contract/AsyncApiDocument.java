package io.maap.events.contract;

import io.maap.events.AgencyOutcomes;

import io.maap.events.EventCatalog;
import io.maap.events.Topics;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the AsyncAPI 3 document of every MAAP topic from the event catalog, so that it cannot
 * drift from the code: channels (topics with their Kafka configuration), who sends and who
 * receives, the CloudEvents headers, the key, and a message per event type whose payload is
 * the published JSON Schema.
 */
final class AsyncApiDocument {

    /** A topic of the contract: its channel name, what it carries, who sends and who receives. */
    record Channel(String name, String topic, String description, Map<String, Object> topicConfiguration,
                   String key, List<String> senders, List<String> receivers) {
    }

    static final List<Channel> CHANNELS = List.of(
            new Channel("auditProgrammeEvents", Topics.AUDIT_PROGRAMME_EVENTS,
                    "Programme and audit lifecycle events, from planning and commissioning to sign-off.",
                    map("retention.ms", -1), "The audit (or programme) id.",
                    List.of("audit-programme-service"),
                    List.of("case-return-service", "action-plan-service", "reporting-service", "notification-service")),
            new Channel("caseReturnEvents", Topics.CASE_RETURN_EVENTS,
                    "Return requests, submissions, quality assurance, reminders, overdue marks and safeguarding concerns.",
                    map("retention.ms", -1), "The return request id.",
                    List.of("case-return-service"), List.of("case-return-service", "reporting-service", "notification-service")),
            new Channel("actionPlanEvents", Topics.ACTION_PLAN_EVENTS,
                    "Findings, action plans, action progress, overdue actions and closure.",
                    map("retention.ms", -1), "The aggregate id (audit, plan or action).",
                    List.of("action-plan-service"), List.of("reporting-service", "notification-service")),
            new Channel("notificationEvents", Topics.NOTIFICATION_EVENTS,
                    "What became of each notification: sent, failed after its retries, or no one to tell.",
                    map("retention.ms", -1), "The notification id.",
                    List.of("notification-service"), List.of("operators")),
            new Channel("agencySubmissions", Topics.AGENCY_SUBMISSIONS_ADDRESS,
                    "Inbound: agency systems submit returns and nil returns as CloudEvents (binary or structured mode), "
                            + "each agency on its own topic, to which only its principal may write.",
                    map("retention.ms", 604_800_000L), "Any; the agency's own reference is recommended.",
                    List.of("agency systems"), List.of("case-return-service")),
            new Channel("agencySubmissionsDeadLetters", Topics.AGENCY_SUBMISSIONS_DLQ,
                    "Agency messages that could not be applied: the original bytes and headers, with the reason "
                            + "in the x-exception-message header.",
                    map("retention.ms", 2_592_000_000L), "The original key.",
                    List.of("case-return-service"), List.of("agency systems", "operators")),
            new Channel("agencyOutcomes", Topics.AGENCY_OUTCOMES_ADDRESS,
                    "Outbound: what became of an agency's returns and messages (requested, extended, reminded, overdue, "
                            + "accepted, sent back, a safeguarding concern raised; each message accepted or rejected), "
                            + "relayed from maap.case-returns.events.v1 (the same headers and payload, its encrypted "
                            + "text decrypted for the agency), each agency on its own topic, which "
                            + "only its principal may read. Onboarding an agency creates it (docs/deployment.md).",
                    map("retention.ms", 2_592_000_000L), "As on maap.case-returns.events.v1: the return request id, or the agency "
                            + "code for a message's outcome.",
                    List.of("case-return-service"), List.of("agency systems")),
            new Channel("boardScorecard", Topics.BOARD_SCORECARD,
                    "The QA scorecard per programme, latest value per key.",
                    map("cleanup.policy", List.of("compact")), "The programme id.",
                    List.of("reporting-service"), List.of("board scorecard feed")),
            new Channel("auditKeys", Topics.AUDIT_KEYS,
                    "Each audit's data key for the encrypted text in events (fields marked x-maap-sensitive), wrapped "
                            + "by the platform's master key (AES-256-GCM); a tombstone once the key is destroyed under "
                            + "the retention policy (ADR 0016). Not for agencies.",
                    map("cleanup.policy", List.of("compact")), "The audit id.",
                    List.of("case-return-service"), List.of("reporting-service")));

    private AsyncApiDocument() {
    }

    static String render() {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("asyncapi", "3.0.0");
        document.put("info", map(
                "title", "MAAP event contracts",
                "version", "1.0.0",
                "description", "Events published and consumed by the Multi-Agency Audit Platform. Every message is a "
                        + "CloudEvent 1.0 in the Kafka binary binding (ce_ headers, JSON payload), keyed so that one "
                        + "aggregate's events stay in order. Payload schemas are in ../schemas/. Generated from the "
                        + "code: " + ContractFiles.UPDATE_COMMAND));
        document.put("defaultContentType", "application/json");
        document.put("servers", servers());

        Map<String, Object> channels = new LinkedHashMap<>();
        Map<String, Object> operations = new LinkedHashMap<>();
        Map<String, Object> messages = new LinkedHashMap<>();
        for (Channel channel : CHANNELS) {
            Map<String, Object> channelMessages = new LinkedHashMap<>();
            for (EventCatalog.Entry entry : EventCatalog.all()) {
                if (entry.topic().equals(channel.topic())
                        || channel.topic().equals(Topics.AGENCY_OUTCOMES_ADDRESS) && AgencyOutcomes.relayed(entry.payloadType())) {
                    channelMessages.put(entry.cloudEventType(), ref("#/components/messages/" + entry.cloudEventType()));
                    messages.put(entry.cloudEventType(), message(entry, channel));
                }
            }
            Map<String, Object> channelNode = new LinkedHashMap<>();
            channelNode.put("address", channel.topic());
            if (channel.topic().contains("{agency}")) {
                channelNode.put("parameters", map("agency", map("description", "The agency's code, e.g. met-police; only "
                        + "the agency's own principal may " + (channel.senders().contains("agency systems") ? "write to" : "read")
                        + " its topic.")));
            }
            channelNode.put("description", channel.description());
            if (!channelMessages.isEmpty()) {
                channelNode.put("messages", channelMessages);
            }
            channelNode.put("bindings", map("kafka", map("topic", channel.topic(), "partitions", 3,
                    "topicConfiguration", channel.topicConfiguration(), "bindingVersion", "0.5.0")));
            channels.put(channel.name(), channelNode);
            List<Map<String, Object>> messageRefs = channelMessages.keySet().stream()
                    .map(type -> ref("#/channels/" + channel.name() + "/messages/" + type)).toList();
            for (String sender : channel.senders()) {
                operations.put(operationId(sender, "sends", channel), operation("send", sender, channel, messageRefs));
            }
            for (String receiver : channel.receivers()) {
                operations.put(operationId(receiver, "receives", channel), operation("receive", receiver, channel, messageRefs));
            }
        }
        document.put("channels", channels);
        document.put("operations", operations);
        document.put("components", map("messages", messages, "schemas", map("CloudEventHeaders", cloudEventHeaders()),
                "securitySchemes", map(
                        "scram", map("type", "scramSha512", "description", "SASL/SCRAM-SHA-512 with the principal's own "
                                + "name and password: one per service (e.g. case-return-service) and per agency "
                                + "(agency-<code>); what each may read and write is set by broker ACLs, denying anything else."),
                        "admin", map("type", "plain", "description", "SASL/PLAIN for the broker's admin only, inside the "
                                + "deployment's network: topics, principals and ACLs (KafkaAccessControl)."))));

        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setWidth(120);
        options.setSplitLines(false);
        return "# Generated from the code by " + ContractFiles.UPDATE_COMMAND + "; do not edit by hand.\n"
                + new Yaml(options).dump(document);
    }

    /** The brokers as docker-compose.yml runs them, and the local run's. */
    private static Map<String, Object> servers() {
        return map(
                "local", map("host", "localhost:9092", "protocol", "kafka",
                        "description", "The broker of the local run (./run.sh): no authentication."),
                "internal", map("host", "kafka:9092", "protocol", "kafka",
                        "description", "The deployment's INTERNAL listener (SASL_PLAINTEXT), reachable only inside its "
                                + "network: the services, each as its own principal, and the admin.",
                        "security", List.of(ref("#/components/securitySchemes/scram"), ref("#/components/securitySchemes/admin"))),
                "agencies", map("host", "{host}:9094", "protocol", "kafka-secure",
                        "description", "The agencies' EXTERNAL listener (SASL_SSL): TLS with the deployment's certificate "
                                + "and SCRAM only. An agency's principal writes its submissions topic and reads its outcomes topic.",
                        "variables", map("host", map("description", "The deployment's KAFKA_EXTERNAL_HOST.")),
                        "security", List.of(ref("#/components/securitySchemes/scram"))));
    }

    private static Map<String, Object> message(EventCatalog.Entry entry, Channel channel) {
        return map(
                "name", entry.cloudEventType(),
                "title", entry.payloadType().getSimpleName(),
                "summary", ContractFiles.description(entry.payloadType()),
                "contentType", "application/json",
                "headers", ref("#/components/schemas/CloudEventHeaders"),
                "payload", ref("../schemas/" + entry.cloudEventType() + ".json"),
                "bindings", map("kafka", map("key", map("type", "string", "description", channel.key()),
                        "bindingVersion", "0.5.0")));
    }

    private static Map<String, Object> operation(String action, String who, Channel channel, List<Map<String, Object>> messages) {
        Map<String, Object> operation = new LinkedHashMap<>();
        operation.put("action", action);
        operation.put("channel", ref("#/channels/" + channel.name()));
        operation.put("summary", who + ("send".equals(action) ? " publishes to " : " consumes ") + channel.topic());
        if (!messages.isEmpty()) {
            operation.put("messages", messages);
        }
        return operation;
    }

    private static String operationId(String who, String verb, Channel channel) {
        StringBuilder id = new StringBuilder();
        for (String part : (who + " " + verb + " " + channel.name()).split("[ -]")) {
            id.append(id.isEmpty() ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
        }
        return id.toString();
    }

    private static Map<String, Object> cloudEventHeaders() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("ce_specversion", map("type", "string", "const", "1.0"));
        properties.put("ce_id", map("type", "string", "description", "Unique per source; the Axon event id for MAAP's own events."));
        properties.put("ce_source", map("type", "string", "format", "uri-reference",
                "description", "urn:maap:<service> for MAAP's events; urn:maap:agency:<agency-code> for agency systems."));
        properties.put("ce_type", map("type", "string", "description", "The event type, e.g. maap.audit.commissioned.v1."));
        properties.put("ce_time", map("type", "string", "format", "date-time", "description", "When it happened (UTC)."));
        properties.put("ce_subject", map("type", "string", "description", "The aggregate id (also the Kafka key)."));
        properties.put("ce_datacontenttype", map("type", "string", "const", "application/json"));
        properties.put("ce_dataschema", map("type", "string", "description", "urn:maap:schema:<type>, the payload's JSON Schema."));
        properties.put("ce_sequence", map("type", "string", "pattern", "^[0-9]+$",
                "description", "Extension: the event's position in its aggregate; readers apply each event once, in order."));
        return map("type", "object", "required", List.of("ce_specversion", "ce_id", "ce_source", "ce_type"),
                "properties", properties);
    }

    private static Map<String, Object> ref(String target) {
        return map("$ref", target);
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    static List<String> topics() {
        List<String> topics = new ArrayList<>();
        CHANNELS.forEach(channel -> topics.add(channel.topic()));
        return topics;
    }
}
