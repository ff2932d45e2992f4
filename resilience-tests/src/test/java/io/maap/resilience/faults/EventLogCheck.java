package io.maap.resilience.faults;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.maap.bench.ReportingStore;
import io.maap.deploycheck.scale.LogRules;
import io.maap.events.EventCatalog;
import io.maap.events.Topics;
import io.maap.local.MaapServices.Service;
import io.maap.testsupport.TestInfrastructure.Database;
import io.maap.testsupport.TopicReader;
import io.maap.testsupport.api.ApiClient;
import java.time.LocalDate;
import java.time.ZoneId;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import static io.maap.deploycheck.scale.LogRules.actionDeadlines;
import static io.maap.deploycheck.scale.LogRules.count;
import static io.maap.deploycheck.scale.LogRules.expectedAction;
import static io.maap.deploycheck.scale.LogRules.expectedReturn;
import static io.maap.deploycheck.scale.LogRules.normalise;
import static io.maap.deploycheck.scale.LogRules.returnDeadlines;

/**
 * Checks the whole platform against its event log: the events stored in the three services'
 * event stores, with their content read from the copies the relays published. Every check says
 * what it expected and found, so that a failure names the document and the events behind it.
 * <ul>
 *   <li>relays: every public event in an event store is on its topic (at least once);</li>
 *   <li>across services: every commissioned audit's cases × agencies became exactly one return
 *       request, and no other request exists;</li>
 *   <li>read models: every return request, finding and action in reporting-service's live
 *       generation reflects each of its events exactly once (the last sequence applied, counters
 *       such as times sent back and missed updates, histories, flags); the scorecard's totals
 *       equal counts taken from the event log; case-return-service's own view has one row per
 *       request;</li>
 *   <li>deadlines: no reminder or overdue mark fired twice for the same due date, each request
 *       never answered was reminded and marked overdue exactly once, each open action past its
 *       due date was flagged overdue exactly once (and none more than once per reopening), and
 *       no deadline is left due and unfired;</li>
 *   <li>agency messages: every one the broker took has exactly one outcome;</li>
 *   <li>the ledger: everything a service acknowledged is in its event log.</li>
 * </ul>
 */
final class EventLogCheck {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> RETURN_EVENTS = Set.of("ReturnRequested", "ReturnAcknowledged", "AuditorNominated",
            "ReturnSubmitted", "NilReturnSubmitted", "ReturnAccepted", "ReturnSentBack", "ReturnReminderSent", "ReturnOverdue",
            "ReturnDeadlineExtended");
    private static final Set<String> ACTION_HISTORY = Set.of("ActionAdded", "ActionProgressReported", "ActionUpdateRequested",
            "ActionUpdateMissed", "ActionOverdue", "ActionClosed", "ActionReopened");

    /** One stored event: its id, aggregate, sequence and payload class's simple name; {@code data} from its published copy. */
    record StoredEvent(String id, String aggregate, long sequence, String type, boolean published, JsonNode data)
            implements LogRules.Logged {
    }

    /** What one check found: its problems (none when consistent) and counts worth printing. */
    record Result(List<String> problems, Map<String, Object> counts) {

        boolean consistent() {
            return problems.isEmpty();
        }

        @Override
        public String toString() {
            return counts + (problems.isEmpty() ? ", consistent" : ", " + problems.size() + " problems: "
                    + String.join("\n  ", problems.subList(0, Math.min(40, problems.size()))));
        }
    }

    private final ProcessPlatform platform;
    private final FaultLoad.Ledger ledger;

    EventLogCheck(ProcessPlatform platform, FaultLoad.Ledger ledger) {
        this.platform = platform;
        this.ledger = ledger;
    }

    Result run() throws Exception {
        List<String> problems = new ArrayList<>();
        Map<String, Object> counts = new LinkedHashMap<>();
        Map<String, ConsumerRecord<String, byte[]>> auditTopic = distinct(Topics.AUDIT_PROGRAMME_EVENTS, counts);
        Map<String, ConsumerRecord<String, byte[]>> returnTopic = distinct(Topics.CASE_RETURN_EVENTS, counts);
        Map<String, ConsumerRecord<String, byte[]>> learningTopic = distinct(Topics.ACTION_PLAN_EVENTS, counts);
        List<StoredEvent> auditEvents = stored(Service.AUDIT_PROGRAMME, auditTopic, problems);
        List<StoredEvent> returnEvents = stored(Service.CASE_RETURN, returnTopic, problems);
        List<StoredEvent> learningEvents = stored(Service.ACTION_PLAN, learningTopic, problems);
        counts.put("stored events", auditEvents.size() + returnEvents.size() + learningEvents.size());

        Map<String, List<StoredEvent>> requests = byAggregate(returnEvents.stream()
                .filter(e -> RETURN_EVENTS.contains(e.type())).toList());
        counts.put("return requests", requests.size());
        Set<String> commissioned = new HashSet<>();
        requestsOfCommissionedAudits(auditEvents, requests, commissioned, problems);
        counts.put("audits", commissioned.size());

        Map<String, List<StoredEvent>> actions;
        try (MongoClient client = MongoClients.create(platform.mongoUri())) {
            MongoDatabase mongo = client.getDatabase(Objects.requireNonNull(new ConnectionString(platform.mongoUri()).getDatabase()));
            String prefix = ReportingStore.livePrefix(mongo);
            counts.put("reporting generation", prefix);
            returnDocuments(mongo, prefix, requests, problems);
            actions = learningDocuments(mongo, prefix, learningEvents, problems);
            counts.put("actions", actions.size());
            auditDocuments(mongo, prefix, commissioned, problems);
            scorecard(requests, actions, learningEvents, problems);
        }
        caseReturnView(requests.size(), problems);
        deadlines(requests, actions, problems);
        counts.put("agency messages", ledger.agencyMessages.size());
        agencyOutcomes(returnTopic, problems);
        ledgerInLog(auditEvents, requests, learningEvents, problems);
        return new Result(problems, counts);
    }

    // ---------------------------------------------------------------------------------------------
    // The event log

    /** A topic's records by CloudEvent id (the relays publish at least once; readers must not mind). */
    private Map<String, ConsumerRecord<String, byte[]>> distinct(String topic, Map<String, Object> counts) {
        List<ConsumerRecord<String, byte[]>> records = TopicReader.readAll(platform.kafka(), topic);
        Map<String, ConsumerRecord<String, byte[]>> byId = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            String id = TopicReader.header(record, "ce_id");
            if (id != null) {
                byId.putIfAbsent(id, record);
            }
        }
        counts.put(topic, records.size() + " records, " + byId.size() + " distinct");
        return byId;
    }

    /** The service's stored events in order, each with its published copy's data; a public event missing from the topic is a problem. */
    private List<StoredEvent> stored(Service service, Map<String, ConsumerRecord<String, byte[]>> topic, List<String> problems)
            throws SQLException {
        List<StoredEvent> events = new ArrayList<>();
        Database database = platform.database(service);
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT event_identifier, aggregate_identifier, sequence_number, payload_type "
                     + "FROM domain_event_entry ORDER BY global_index")) {
            while (rows.next()) {
                String id = rows.getString(1);
                String payloadType = rows.getString(4);
                boolean published = isPublic(payloadType);
                ConsumerRecord<String, byte[]> copy = topic.get(id);
                if (published && copy == null) {
                    problems.add(service.serviceName() + ": event " + id + " (" + simpleName(payloadType) + " of "
                            + rows.getString(2) + ") is stored but was never published");
                }
                events.add(new StoredEvent(id, rows.getString(2), rows.getLong(3), simpleName(payloadType), published,
                        copy == null ? null : JSON.readTree(copy.value())));
            }
        }
        return events;
    }

    private static boolean isPublic(String payloadType) {
        try {
            return EventCatalog.forPayload(Class.forName(payloadType)).isPresent();
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1).replace('$', '.');
    }

    private static Map<String, List<StoredEvent>> byAggregate(List<StoredEvent> events) {
        Map<String, List<StoredEvent>> byAggregate = new TreeMap<>();
        for (StoredEvent event : events) {
            byAggregate.computeIfAbsent(event.aggregate(), a -> new ArrayList<>()).add(event);
        }
        byAggregate.values().forEach(list -> list.sort(Comparator.comparingLong(StoredEvent::sequence)));
        return byAggregate;
    }

    // ---------------------------------------------------------------------------------------------
    // Across services

    /** Each commissioned audit's case and agency has one request, requested once; no request is of anything else. */
    private void requestsOfCommissionedAudits(List<StoredEvent> auditEvents, Map<String, List<StoredEvent>> requests,
                                              Set<String> commissioned, List<String> problems) {
        Set<String> expected = new HashSet<>();
        for (StoredEvent event : auditEvents) {
            if (!event.type().equals("AuditCommissioned") || event.data() == null) {
                continue;
            }
            String auditId = event.data().get("auditId").asString();
            commissioned.add(auditId);
            for (JsonNode sampled : event.data().get("cases")) {
                for (JsonNode agency : event.data().get("participatingAgencies")) {
                    expected.add(auditId + "/" + sampled.get("caseReference").asString() + "/" + agency.asString());
                }
            }
        }
        // What each request is of, from its ReturnRequested event as published.
        Map<String, List<String>> requestsOf = new HashMap<>();
        requests.forEach((id, events) -> events.stream().filter(e -> e.type().equals("ReturnRequested") && e.data() != null)
                .forEach(e -> requestsOf.computeIfAbsent(e.data().get("auditId").asString() + "/"
                        + e.data().get("caseReference").asString() + "/" + e.data().get("agency").asString(),
                        k -> new ArrayList<>()).add(id)));
        for (String of : expected) {
            List<String> ids = requestsOf.getOrDefault(of, List.of());
            if (ids.size() != 1) {
                problems.add("audit/case/agency " + of + " of a commissioned audit: " + (ids.isEmpty() ? "never requested"
                        : ids.size() + " ReturnRequested events (requests " + ids + ")"));
            }
        }
        requestsOf.forEach((of, ids) -> {
            if (!expected.contains(of)) {
                problems.add("return request " + ids + " of " + of + " exists but no commissioned audit asked for it");
            }
        });
        requests.forEach((id, events) -> {
            if (count(events, "ReturnRequested") != 1) {
                problems.add("return request " + id + " has " + count(events, "ReturnRequested") + " ReturnRequested events");
            }
        });
    }

    // ---------------------------------------------------------------------------------------------
    // reporting-service's read models

    private static void returnDocuments(MongoDatabase mongo, String prefix, Map<String, List<StoredEvent>> requests,
                                        List<String> problems) {
        Map<String, Document> documents = new HashMap<>();
        mongo.getCollection(prefix + "return_requests").find().forEach(d -> documents.put(d.getString("_id"), d));
        for (Map.Entry<String, List<StoredEvent>> request : requests.entrySet()) {
            Document document = documents.remove(request.getKey());
            if (document == null) {
                problems.add("reporting: no document for return request " + request.getKey());
                continue;
            }
            Map<String, Object> expected = expectedReturn(request.getValue());
            Map<String, Object> found = new LinkedHashMap<>();
            expected.keySet().forEach(field -> found.put(field, normalise(document.get(field))));
            if (!expected.equals(found)) {
                problems.add("reporting: return request " + request.getKey() + " shows " + found + ", its events say " + expected
                        + " (events: " + request.getValue().stream().map(e -> e.sequence() + ":" + e.type()).toList() + ")");
            }
        }
        documents.keySet().forEach(id -> problems.add("reporting: document for return request " + id + " that has no events"));
    }

    /** Findings and actions: one document each, reflecting every event of it once. Returns the actions' events by key. */
    private static Map<String, List<StoredEvent>> learningDocuments(MongoDatabase mongo, String prefix, List<StoredEvent> events,
                                                                    List<String> problems) {
        Set<String> findings = new HashSet<>();
        Map<String, List<StoredEvent>> actions = new TreeMap<>();
        for (StoredEvent event : events) {
            if (event.data() == null) {
                continue;
            }
            if (event.type().equals("FindingRecorded")) {
                findings.add(key(event, "findingId"));
            } else if (ACTION_HISTORY.contains(event.type())) {
                actions.computeIfAbsent(key(event, "actionId"), k -> new ArrayList<>())
                        .add(event);
            }
        }
        Set<String> findingDocuments = new HashSet<>();
        mongo.getCollection(prefix + "findings").find().forEach(d -> findingDocuments.add(d.getString("_id")));
        if (!findingDocuments.equals(findings)) {
            problems.add("reporting: findings " + difference(findingDocuments, findings));
        }
        Map<String, Document> actionDocuments = new HashMap<>();
        mongo.getCollection(prefix + "actions").find().forEach(d -> actionDocuments.put(d.getString("_id"), d));
        if (!actionDocuments.keySet().equals(actions.keySet())) {
            problems.add("reporting: actions " + difference(actionDocuments.keySet(), actions.keySet()));
        }
        actions.forEach((key, history) -> {
            Document document = actionDocuments.get(key);
            if (document == null) {
                return;
            }
            Map<String, Object> expected = expectedAction(history);
            Map<String, Object> found = Map.of("history", (long) document.getList("history", Document.class, List.of()).size(),
                    "open", Boolean.TRUE.equals(document.getBoolean("open")),
                    "updatesMissed", normalise(document.get("updatesMissed")),
                    "overdueFlagged", Boolean.TRUE.equals(document.getBoolean("overdueFlagged")));
            if (!expected.equals(found)) {
                problems.add("reporting: action " + key + " shows " + found + ", its events say " + expected);
            }
        });
        return actions;
    }

    /** A finding's or action's key in reporting-service: its audit and its id (ids are unique within their audit). */
    private static String key(StoredEvent event, String idField) {
        return event.data().get("auditId").asString() + "/" + event.data().get(idField).asString();
    }

    private static void auditDocuments(MongoDatabase mongo, String prefix, Set<String> commissioned, List<String> problems) {
        Set<String> audits = new HashSet<>();
        mongo.getCollection(prefix + "audits").find().forEach(d -> audits.add(d.getString("_id")));
        for (String audit : commissioned) {
            if (!audits.contains(audit)) {
                problems.add("reporting: no document for commissioned audit " + audit);
            }
        }
    }

    private static String difference(Set<String> found, Set<String> expected) {
        Set<String> extra = new HashSet<>(found);
        extra.removeAll(expected);
        Set<String> missing = new HashSet<>(expected);
        missing.removeAll(found);
        return "differ from the event log: missing " + sample(missing) + ", extra " + sample(extra);
    }

    private static String sample(Set<String> ids) {
        return ids.size() + (ids.isEmpty() ? "" : " " + ids.stream().sorted().limit(5).toList());
    }

    /** The scorecard over everything, through the API, against counts taken from the event log. */
    private void scorecard(Map<String, List<StoredEvent>> requests, Map<String, List<StoredEvent>> actions,
                           List<StoredEvent> learningEvents, List<String> problems) throws Exception {
        ApiClient.Response response = platform.api(Service.REPORTING).get("/api/scorecard");
        if (response.status() != 200) {
            problems.add("reporting: GET /api/scorecard -> " + response.describe());
            return;
        }
        JsonNode figures = response.json().get("figures");
        Map<String, Long> expected = new LinkedHashMap<>();
        expected.put("returns.expected", (long) requests.size());
        expected.put("returns.received", requests.values().stream().filter(e -> count(e, "ReturnSubmitted", "NilReturnSubmitted") > 0).count());
        expected.put("returns.sentBack", requests.values().stream().filter(e -> count(e, "ReturnSentBack") > 0).count());
        expected.put("returns.accepted", requests.values().stream().filter(e -> "ACCEPTED".equals(expectedReturn(e).get("status"))).count());
        expected.put("actions.total", (long) actions.size());
        expected.put("actions.closed", actions.values().stream()
                .filter(h -> h.stream().filter(e -> e.type().equals("ActionClosed") || e.type().equals("ActionReopened"))
                        .reduce((a, b) -> b).map(e -> e.type().equals("ActionClosed")).orElse(false)).count());
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        expected.put("actions.overdue", actions.values().stream()
                .filter(h -> h.stream().filter(e -> e.type().equals("ActionClosed") || e.type().equals("ActionReopened"))
                        .reduce((a, b) -> b).map(e -> e.type().equals("ActionReopened")).orElse(true))
                .filter(h -> h.stream().filter(e -> e.type().equals("ActionAdded")).findFirst()
                        .map(e -> LocalDate.parse(e.data().get("dueDate").asString()).isBefore(today)).orElse(false))
                .count());
        expected.put("findings", count(learningEvents, "FindingRecorded"));
        Map<String, Long> found = new LinkedHashMap<>();
        for (String key : expected.keySet()) {
            if (key.equals("findings")) {
                long findings = 0;
                for (JsonNode aspect : figures.get("findingsByAspect")) {
                    findings += aspect.get("goodPractice").asLong() + aspect.get("areaForImprovement").asLong();
                }
                found.put(key, findings);
            } else {
                String[] path = key.split("\\.");
                found.put(key, figures.get(path[0]).get(path[1]).asLong());
            }
        }
        if (!expected.equals(found)) {
            problems.add("reporting: the scorecard shows " + found + ", the event log says " + expected);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // case-return-service's own view, deadlines, agency outcomes, the ledger

    private void caseReturnView(int requests, List<String> problems) throws SQLException {
        long rows = single(Service.CASE_RETURN, "SELECT count(*) FROM return_request_view");
        if (rows != requests) {
            problems.add("case-return-service: its view has " + rows + " return requests, its event store " + requests);
        }
    }

    private void deadlines(Map<String, List<StoredEvent>> requests, Map<String, List<StoredEvent>> actions,
                           List<String> problems) throws SQLException {
        actions.forEach((key, history) -> actionDeadlines(key, history, ledger.pastDueActions.contains(key))
                .forEach(problem -> problems.add("deadlines: " + problem)));
        ledger.pastDueActions.stream().filter(key -> !actions.containsKey(key))
                .forEach(key -> problems.add("lost: past-due action " + key + " was added but has no events"));
        requests.forEach((id, events) -> returnDeadlines(id, events, ledger.neverAnswered.contains(id)
                && count(events, "ReturnSubmitted", "NilReturnSubmitted") == 0)
                .forEach(problem -> problems.add("deadlines: " + problem)));
        for (Service service : List.of(Service.CASE_RETURN, Service.ACTION_PLAN)) {
            long stuck = single(service, "SELECT count(*) FROM scheduled_tasks WHERE execution_time < now() - interval '30 seconds'");
            if (stuck > 0) {
                problems.add("deadlines: " + service.serviceName() + " has " + stuck + " deadlines more than 30 s past due and not fired");
            }
        }
    }

    private void agencyOutcomes(Map<String, ConsumerRecord<String, byte[]>> returnTopic, List<String> problems) {
        Map<String, List<JsonNode>> outcomes = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : returnTopic.values()) {
            String type = TopicReader.header(record, "ce_type");
            if (type != null && type.startsWith("maap.agency-submission.")) {
                JsonNode data = JSON.readTree(record.value());
                outcomes.computeIfAbsent(data.get("messageId").asString(), m -> new ArrayList<>()).add(data);
            }
        }
        ledger.agencyMessages.forEach((messageId, requestId) -> {
            List<JsonNode> found = outcomes.getOrDefault(messageId, List.of());
            if (found.size() != 1) {
                problems.add("agency message " + messageId + " has " + found.size() + " outcomes (one expected)");
            } else if (found.get(0).has("code")) {
                problems.add("agency message " + messageId + " was rejected: " + found.get(0).get("code").asString() + " "
                        + found.get(0).path("reason").asString());
            }
        });
    }

    private void ledgerInLog(List<StoredEvent> auditEvents, Map<String, List<StoredEvent>> requests,
                             List<StoredEvent> learningEvents, List<String> problems) {
        Set<String> commissioned = new HashSet<>();
        auditEvents.stream().filter(e -> e.type().equals("AuditCommissioned") && e.data() != null)
                .forEach(e -> commissioned.add(e.data().get("auditId").asString()));
        ledger.commissioned.stream().filter(id -> !commissioned.contains(id))
                .forEach(id -> problems.add("lost: audit " + id + " was commissioned (201) but is not in the event store"));
        ledger.submitted.forEach((id, versions) -> {
            long stored = count(requests.getOrDefault(id, List.of()), "ReturnSubmitted", "NilReturnSubmitted");
            if (stored < versions) {
                problems.add("lost: return request " + id + " had " + versions + " submissions acknowledged, " + stored + " stored");
            }
        });
        ledger.sentBack.stream().filter(id -> count(requests.getOrDefault(id, List.of()), "ReturnSentBack") == 0)
                .forEach(id -> problems.add("lost: return request " + id + " was sent back (acknowledged) but no event is stored"));
        ledger.accepted.stream().filter(id -> count(requests.getOrDefault(id, List.of()), "ReturnAccepted") == 0)
                .forEach(id -> problems.add("lost: return request " + id + " was accepted (acknowledged) but no event is stored"));
        Set<String> findings = new HashSet<>();
        Set<String> actions = new HashSet<>();
        Set<String> closed = new HashSet<>();
        for (StoredEvent event : learningEvents) {
            if (event.data() == null) {
                continue;
            }
            switch (event.type()) {
                case "FindingRecorded" -> findings.add(key(event, "findingId"));
                case "ActionAdded" -> actions.add(key(event, "actionId"));
                case "ActionClosed" -> closed.add(key(event, "actionId"));
                default -> {
                }
            }
        }
        ledger.findings.stream().filter(k -> !findings.contains(k)).forEach(k -> problems.add("lost: finding " + k));
        ledger.actions.stream().filter(k -> !actions.contains(k)).forEach(k -> problems.add("lost: action " + k));
        ledger.closed.stream().filter(k -> !closed.contains(k)).forEach(k -> problems.add("lost: closure of action " + k));
    }

    private long single(Service service, String sql) throws SQLException {
        Database database = platform.database(service);
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
