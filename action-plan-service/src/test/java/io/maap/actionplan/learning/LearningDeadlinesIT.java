package io.maap.actionplan.learning;

import io.maap.actionplan.ActionPlanApplication;
import io.maap.actionplan.learning.command.AddAction;
import io.maap.actionplan.learning.command.AgreeActionPlan;
import io.maap.actionplan.learning.command.DraftActionPlan;
import io.maap.actionplan.learning.command.RecordFinding;
import io.maap.actionplan.learning.command.RegisterAudit;
import io.maap.events.actionplan.ActionOverdue;
import io.maap.events.actionplan.ActionUpdateRequested;
import io.maap.events.actionplan.FindingKind;
import io.maap.testsupport.TestInfrastructure;
import io.maap.testsupport.TestTokens;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.dbscheduler.DbSchedulerBinaryDeadlineDetails;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deadlines end to end, on PostgreSQL and on an H2 file: the service stops with an audit's plan
 * agreed and its deadlines pending; the store is then made to look as a version from before the
 * feature moved would have left it (private events and deadline payloads under their old class
 * names, the deadlines already due). After a restart the aggregate is sourced from those events,
 * the deadlines fire, and the late monitoring round asks on the day the service's clock says.
 */
class LearningDeadlinesIT {

    private static final LocalDate AGREED = LocalDate.of(2099, 7, 18);
    private static final String NEW_COMMAND = "io.maap.actionplan.learning.command.";
    private static final String NEW_EVENT = "io.maap.actionplan.learning.event.";
    private static final String OLD = "io.maap.actionplan.audit.command.";

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"postgresql", "h2"})
    void eventsAndDeadlinesStoredUnderTheOldClassNamesAreReadAndFire(String database) throws Exception {
        Map<String, String> properties = properties(database);
        String auditId = "moved-" + database;

        try (ConfigurableApplicationContext first = start(properties)) {
            CommandGateway commands = first.getBean(CommandGateway.class);
            commands.sendAndWait(new RegisterAudit(auditId, "redbridge-2017-18", "Neglect", "Neglect", List.of("met-police")));
            commands.sendAndWait(new RecordFinding(auditId, "f1", "recording", FindingKind.AREA_FOR_IMPROVEMENT,
                    List.of("met-police"), List.of(), "Gaps in recording", "Record every contact", "QA Manager", AGREED));
            commands.sendAndWait(new DraftActionPlan(auditId, "p1", null, "Action plan", "QA Manager", AGREED));
            commands.sendAndWait(new AddAction(auditId, "p1", "a1", "Recording audit", "met-police", "DI Lead",
                    AGREED.plusMonths(6), List.of("f1"), "Dip sample", AGREED));
            commands.sendAndWait(new AgreeActionPlan(auditId, "p1", "LSCB Board", AGREED, 3));
        }

        try (Connection db = DriverManager.getConnection(properties.get("spring.datasource.url"),
                properties.get("spring.datasource.username"), properties.get("spring.datasource.password"))) {
            renameStoredEvents(db, "AuditRegistered", "MonitoringRoundScheduled");
            assertThat(rewritePendingDeadlines(db)).isEqualTo(2);
        }

        try (ConfigurableApplicationContext second = start(properties)) {
            EventStore events = second.getBean(EventStore.class);
            LocalDate today = LocalDate.now(second.getBean(Clock.class));
            Instant giveUp = Instant.now().plusSeconds(60);
            while (!(has(events, auditId, ActionOverdue.class) && has(events, auditId, ActionUpdateRequested.class))
                    && Instant.now().isBefore(giveUp)) {
                Thread.sleep(500);
            }
            assertThat(events.readEvents(auditId).asStream().map(e -> e.getPayload())
                    .filter(ActionUpdateRequested.class::isInstance).map(ActionUpdateRequested.class::cast).toList())
                    .as("the first round, ten years late, asks once, today")
                    .singleElement().satisfies(asked -> {
                        assertThat(asked.roundId()).isEqualTo("p1-q1");
                        assertThat(asked.requestedOn()).isEqualTo(today);
                    });
            assertThat(events.readEvents(auditId).asStream().filter(e -> e.getPayload() instanceof ActionOverdue).count())
                    .isEqualTo(1);
            // The audit's registration, stored under its old name, is known: a finding can be recorded.
            second.getBean(CommandGateway.class).sendAndWait(new RecordFinding(auditId, "f2", "recording",
                    FindingKind.GOOD_PRACTICE, List.of(), List.of(), "s", "r", "QA Manager", today));
        }
    }

    private static void renameStoredEvents(Connection db, String... simpleNames) throws Exception {
        try (PreparedStatement update = db.prepareStatement(
                "update domain_event_entry set payload_type = ? where payload_type = ?")) {
            for (String name : simpleNames) {
                update.setString(1, OLD + name);
                update.setString(2, NEW_EVENT + name);
                assertThat(update.executeUpdate()).as(name).isEqualTo(1);
            }
        }
    }

    /** Old payload class names; the monitoring round for 2017; both due now. */
    private static int rewritePendingDeadlines(Connection db) throws Exception {
        int rewritten = 0;
        try (PreparedStatement select = db.prepareStatement(
                "select task_instance, task_data from scheduled_tasks where task_name = 'AxonDeadline'");
             PreparedStatement update = db.prepareStatement("update scheduled_tasks set task_data = ?, execution_time = ?"
                     + " where task_name = 'AxonDeadline' and task_instance = ?");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                DbSchedulerBinaryDeadlineDetails details;
                try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(rows.getBytes(2)))) {
                    details = (DbSchedulerBinaryDeadlineDetails) in.readObject();
                }
                assertThat(details.getPc()).startsWith(NEW_COMMAND);
                String payload = new String(details.getP(), StandardCharsets.UTF_8).replace("2099-10-18", "2017-10-18");
                var old = new DbSchedulerBinaryDeadlineDetails(details.getD(), details.getS(), details.getSc(),
                        payload.getBytes(StandardCharsets.UTF_8), details.getPc().replace(NEW_COMMAND, OLD),
                        details.getR(), details.getM());
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                    out.writeObject(old);
                }
                update.setBytes(1, bytes.toByteArray());
                update.setObject(2, OffsetDateTime.of(2020, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC));
                update.setString(3, rows.getString(1));
                rewritten += update.executeUpdate();
            }
        }
        return rewritten;
    }

    private static boolean has(EventStore events, String auditId, Class<?> type) {
        return events.readEvents(auditId).asStream().anyMatch(e -> type.isInstance(e.getPayload()));
    }

    private static ConfigurableApplicationContext start(Map<String, String> properties) {
        Map<String, String> all = new LinkedHashMap<>(properties);
        all.putAll(TestTokens.properties());
        return ActionPlanApplication.builder()
                .run(all.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
    }

    private static Map<String, String> properties(String database) throws Exception {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.cloud.stream.kafka.binder.brokers", TestInfrastructure.kafkaBootstrapServers());
        properties.put("spring.cloud.stream.bindings.auditEvents-in-0.group", "learning-deadlines-it-" + database);
        properties.put("server.port", "0");
        properties.put("maap.deadlines.polling-interval", "1s");
        if (database.equals("postgresql")) {
            TestInfrastructure.Database db = TestInfrastructure.newPostgresDatabase("maap_action_plan_deadlines");
            properties.put("spring.datasource.url", db.jdbcUrl());
            properties.put("spring.datasource.username", db.username());
            properties.put("spring.datasource.password", db.password());
        } else {
            Path dir = Files.createTempDirectory("maap-action-plan-h2");
            properties.put("spring.datasource.url", "jdbc:h2:file:" + dir.resolve("action-plan") + ";DB_CLOSE_ON_EXIT=FALSE");
            properties.put("spring.datasource.username", "sa");
            properties.put("spring.datasource.password", "");
        }
        return properties;
    }
}
