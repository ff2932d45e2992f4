package io.maap.casereturn.deadline;

import io.maap.casereturn.CaseReturnApplication;
import io.maap.casereturn.request.command.ExtendReturnDeadline;
import io.maap.casereturn.request.command.RequestReturn;
import io.maap.casereturn.request.command.ReturnDeadlines;
import io.maap.events.CaseType;
import io.maap.events.auditprogramme.AuditCommissioned.AuditQuestion;
import io.maap.events.casereturn.ReturnOverdue;
import io.maap.events.casereturn.ReturnReminderSent;
import io.maap.support.calendar.WorkingDayCalendar;
import io.maap.testsupport.TestInfrastructure;
import io.maap.testsupport.TestTokens;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Reminders and overdue marks are durable and exactly once: a deadline that falls while the
 * service is down fires after it restarts, once, and a further restart does not fire it again.
 * Runs on PostgreSQL and on an H2 file, as the service does in production and in the local run.
 */
class DeadlineRestartIT {

    private static final Instant NEVER_WHILE_RUNNING = Instant.parse("2100-01-01T00:00:00Z");
    private static final Instant LONG_AGO = Instant.parse("2020-01-01T00:00:00Z");
    private static final LocalDate DUE = LocalDate.of(2026, 11, 23);
    private static final LocalDate EXTENDED = LocalDate.of(2026, 11, 30);

    /** When the deadlines are scheduled for, set by the test instead of from calendar days. */
    static volatile Instant reminderAt;
    static volatile Instant overdueAt;

    @Configuration(proxyBeanMethods = false)
    static class SetDeadlines {

        @Bean
        @Primary
        ReturnDeadlines setDeadlines(WorkingDayCalendar calendar) {
            return new ReturnDeadlines(calendar, ZoneId.of("Europe/London"), LocalTime.NOON, LocalTime.MIDNIGHT, 5) {
                @Override
                public Instant reminderAt(LocalDate reminderDate) {
                    return reminderAt;
                }

                @Override
                public Instant overdueAt(LocalDate dueDate) {
                    return overdueAt;
                }
            };
        }
    }

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"postgresql", "h2"})
    void aDeadlineFallingWhileTheServiceIsDownFiresOnceAfterRestartAndNeverAgain(String database) throws Exception {
        Map<String, String> properties = properties(database);
        String id = RequestReturn.idFor("restart-2026", "RBR-2611-R01", "met-police");

        reminderAt = NEVER_WHILE_RUNNING;
        try (ConfigurableApplicationContext first = start(properties)) {
            first.getBean(CommandGateway.class).sendAndWait(new RequestReturn(id, "restart-2026", "redbridge-2017-18",
                    "RBR-2611-R01", CaseType.CHILD_IN_NEED, "met-police", LocalDate.of(2026, 11, 2), DUE,
                    LocalDate.of(2026, 11, 16), List.of(new AuditQuestion("q1", "Was the child seen?", false))));
            assertThat(count(first.getBean(EventStore.class), id, ReturnReminderSent.class::isInstance)).isZero();
        }
        assertThat(moveScheduledDeadlinesTo(properties, LONG_AGO)).as("the reminder was scheduled").isEqualTo(1);

        overdueAt = LONG_AGO.plusSeconds(60);
        try (ConfigurableApplicationContext second = start(properties)) {
            EventStore events = second.getBean(EventStore.class);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(count(events, id, ReturnReminderSent.class::isInstance)).isEqualTo(1);
                assertThat(count(events, id, ReturnOverdue.class::isInstance)).isEqualTo(1);
            });
        }

        // Anything left to fire is due by now. With one scheduler thread, deadlines run in the order they
        // fall, so once a later one (the check of an extended due date) has fired, any earlier one has too.
        overdueAt = LONG_AGO.plusSeconds(120);
        try (ConfigurableApplicationContext third = start(properties)) {
            EventStore events = third.getBean(EventStore.class);
            third.getBean(CommandGateway.class).sendAndWait(new ExtendReturnDeadline(id, EXTENDED, "Auditor on sick leave",
                    "LSCB Business Manager", Instant.parse("2026-11-20T10:00:00Z")));
            await().atMost(Duration.ofSeconds(30)).until(() -> count(events, id, overdue(EXTENDED)) == 1);
            assertThat(count(events, id, ReturnReminderSent.class::isInstance)).isEqualTo(1);
            assertThat(count(events, id, overdue(DUE))).isEqualTo(1);
            await().atMost(Duration.ofSeconds(30)).until(() -> scheduledDeadlines(properties) == 0);
        }
    }

    private static Predicate<Object> overdue(LocalDate dueDate) {
        return event -> event instanceof ReturnOverdue overdue && overdue.dueDate().equals(dueDate);
    }

    private static long count(EventStore events, String id, Predicate<Object> which) {
        return events.readEvents(id).asStream().filter(e -> which.test(e.getPayload())).count();
    }

    /** The service is down while its deadlines' time passes: as if the clock had moved on to {@code instant}. */
    private static int moveScheduledDeadlinesTo(Map<String, String> properties, Instant instant) throws Exception {
        try (Connection connection = connect(properties);
             PreparedStatement update = connection.prepareStatement("update scheduled_tasks set execution_time = ?")) {
            update.setObject(1, instant.atOffset(ZoneOffset.UTC));
            return update.executeUpdate();
        }
    }

    private static int scheduledDeadlines(Map<String, String> properties) throws Exception {
        try (Connection connection = connect(properties);
             ResultSet rows = connection.createStatement().executeQuery("select count(*) from scheduled_tasks")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static Connection connect(Map<String, String> properties) throws Exception {
        return DriverManager.getConnection(properties.get("spring.datasource.url"),
                properties.get("spring.datasource.username"), properties.get("spring.datasource.password"));
    }

    private static ConfigurableApplicationContext start(Map<String, String> properties) {
        Map<String, String> all = new LinkedHashMap<>(properties);
        all.putAll(TestTokens.properties());
        String[] args = all.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        return CaseReturnApplication.builder().sources(SetDeadlines.class).run(args);
    }

    private static Map<String, String> properties(String database) throws Exception {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.cloud.stream.kafka.binder.brokers", TestInfrastructure.kafkaBootstrapServers());
        properties.put("server.port", "0");
        properties.put("maap.deadlines.polling-interval", "1s");
        properties.put("maap.deadlines.threads", "1");
        properties.put("spring.cloud.stream.bindings.auditEvents-in-0.group", "restart-it-" + database);
        if (database.equals("postgresql")) {
            TestInfrastructure.Database db = TestInfrastructure.newPostgresDatabase("maap_case_return_restart");
            properties.put("spring.datasource.url", db.jdbcUrl());
            properties.put("spring.datasource.username", db.username());
            properties.put("spring.datasource.password", db.password());
        } else {
            Path dir = Files.createTempDirectory("maap-restart-h2");
            properties.put("spring.datasource.url", "jdbc:h2:file:" + dir.resolve("case-return") + ";DB_CLOSE_ON_EXIT=FALSE");
            properties.put("spring.datasource.username", "sa");
            properties.put("spring.datasource.password", "");
        }
        return properties;
    }
}
