package io.maap.deploycheck.scale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.maap.deploycheck.compose.ComposeService;
import io.maap.deploycheck.scale.LogRules.Event;
import org.bson.Document;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The deployment against its event stores: every return request and action in reporting-service's
 * live read model reflects each of its events exactly once, case-return-service's and
 * action-plan-service's own views have one row per request and action, and every deadline fired
 * once however many instances ran it (the fault suite's facts, docs/reliability.md).
 */
public final class EventLog {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> RETURN_EVENTS = Set.of("ReturnRequested", "ReturnAcknowledged", "AuditorNominated",
            "ReturnSubmitted", "NilReturnSubmitted", "ReturnAccepted", "ReturnSentBack", "ReturnReminderSent", "ReturnOverdue",
            "ReturnDeadlineExtended");
    private static final Set<String> ACTION_HISTORY = Set.of("ActionAdded", "ActionProgressReported", "ActionUpdateRequested",
            "ActionUpdateMissed", "ActionOverdue", "ActionClosed", "ActionReopened");

    private final ComposeService caseReturn;
    private final ComposeService actionPlan;
    private final String mongoUri;

    /** {@code mongoUri}: reporting-service's, as it runs here. */
    public EventLog(ComposeService caseReturn, ComposeService actionPlan, String mongoUri) {
        this.caseReturn = caseReturn;
        this.actionPlan = actionPlan;
        this.mongoUri = mongoUri;
    }

    /** What differs (nothing when consistent), and the counts checked in {@code counts}. */
    public List<String> problems(ScaleLoad.Ledger ledger, Map<String, Object> counts) throws Exception {
        List<String> problems = new ArrayList<>();
        Map<String, List<Event>> requests = byAggregate(read(caseReturn, "CASE_RETURN", null), RETURN_EVENTS);
        Map<String, List<Event>> actions = byAggregate(read(actionPlan, "ACTION_PLAN",
                payload -> payload.path("auditId").asText() + "/" + payload.path("actionId").asText()), ACTION_HISTORY);
        counts.put("return requests", requests.size());
        counts.put("actions", actions.size());
        requests.forEach((id, events) -> problems.addAll(LogRules.returnDeadlines(id, events, ledger.untouched.contains(id))));
        actions.forEach((key, history) -> problems.addAll(LogRules.actionDeadlines(key, history, ledger.pastDueActions.contains(key))));
        ledger.untouched.stream().filter(id -> !requests.containsKey(id)).forEach(id -> problems.add("lost: request " + id));
        ledger.pastDueActions.stream().filter(key -> !actions.containsKey(key)).forEach(key -> problems.add("lost: action " + key));
        counts.put("reminders", requests.values().stream().mapToLong(e -> LogRules.count(e, "ReturnReminderSent")).sum());
        counts.put("overdue marks", requests.values().stream().mapToLong(e -> LogRules.count(e, "ReturnOverdue")).sum()
                + actions.values().stream().mapToLong(e -> LogRules.count(e, "ActionOverdue")).sum());
        try (MongoClient client = MongoClients.create(mongoUri)) {
            MongoDatabase mongo = client.getDatabase(new com.mongodb.ConnectionString(mongoUri).getDatabase());
            Document state = mongo.getCollection("projection_state").find(new Document("_id", "active")).first();
            String prefix = "g" + (state == null ? 1 : state.get("generation", Number.class).longValue()) + "_";
            compare("reporting: return request", documents(mongo, prefix + "return_requests"), requests,
                    LogRules::expectedReturn, problems);
            compare("reporting: action", documents(mongo, prefix + "actions"), actions, LogRules::expectedAction, problems);
        }
        rows(caseReturn, "CASE_RETURN", "return_request_view", requests.size(), problems);
        rows(actionPlan, "ACTION_PLAN", "action_view", actions.size(), problems);
        return problems;
    }

    private static void compare(String what, Map<String, Document> documents, Map<String, List<Event>> aggregates,
                                Function<List<Event>, Map<String, Object>> rule, List<String> problems) {
        aggregates.forEach((id, events) -> {
            Document document = documents.remove(id);
            if (document == null) {
                problems.add(what + " " + id + ": no document");
                return;
            }
            Map<String, Object> expected = rule.apply(events);
            Map<String, Object> found = new LinkedHashMap<>();
            expected.keySet().forEach(field -> found.put(field, field.equals("history")
                    ? (long) document.getList("history", Document.class, List.of()).size()
                    : field.equals("open") || field.equals("overdueFlagged") ? Boolean.TRUE.equals(document.getBoolean(field))
                    : LogRules.normalise(document.get(field))));
            if (!expected.equals(found)) {
                problems.add(what + " " + id + " shows " + found + ", its events say " + expected + " ("
                        + events.stream().map(e -> e.sequence() + ":" + e.type()).toList() + ")");
            }
        });
        documents.keySet().forEach(id -> problems.add(what + " " + id + ": a document without events"));
    }

    private static Map<String, Document> documents(MongoDatabase mongo, String collection) {
        Map<String, Document> documents = new HashMap<>();
        mongo.getCollection(collection).find().forEach(d -> documents.put(String.valueOf(d.get("_id")), d));
        return documents;
    }

    private static Map<String, List<Event>> byAggregate(List<Event> events, Set<String> types) {
        Map<String, List<Event>> byAggregate = new TreeMap<>();
        events.stream().filter(e -> types.contains(e.type()))
                .forEach(e -> byAggregate.computeIfAbsent(e.aggregate(), a -> new ArrayList<>()).add(e));
        return byAggregate;
    }

    /** The store's events in order; {@code key}, when given, names each by its payload rather than its aggregate. */
    private static List<Event> read(ComposeService service, String prefix, Function<JsonNode, String> key) throws Exception {
        List<Event> events = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        try (Connection connection = connect(service, prefix); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT event_identifier, aggregate_identifier, sequence_number, payload_type, "
                     + "payload FROM domain_event_entry ORDER BY aggregate_identifier, sequence_number")) {
            while (rows.next()) {
                String type = rows.getString(4);
                type = type.substring(type.lastIndexOf('.') + 1).replace('$', '.');
                if (!seen.add(rows.getString(1))) {
                    throw new IllegalStateException(service.name() + ": event " + rows.getString(1) + " stored twice");
                }
                String aggregate = key == null || !ACTION_HISTORY.contains(type) ? rows.getString(2)
                        : key.apply(JSON.readTree(rows.getBytes(5)));
                events.add(new Event(aggregate, rows.getLong(3), type));
            }
        }
        return events;
    }

    private static void rows(ComposeService service, String prefix, String table, long expected, List<String> problems)
            throws Exception {
        try (Connection connection = connect(service, prefix); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + table)) {
            rows.next();
            if (rows.getLong(1) != expected) {
                problems.add(service.name() + ": " + table + " has " + rows.getLong(1) + " rows, its event store " + expected);
            }
        }
    }

    static Connection connect(ComposeService service, String prefix) throws Exception {
        Map<String, String> env = service.environment();
        return DriverManager.getConnection(env.get(prefix + "_DB_URL"), env.get(prefix + "_DB_USER"), env.get(prefix + "_DB_PASSWORD"));
    }
}
