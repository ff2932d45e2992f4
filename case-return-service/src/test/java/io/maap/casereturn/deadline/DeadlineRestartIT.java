package io.maap.casereturn.deadline;

import io.maap.testsupport.TestTokens;
import io.maap.casereturn.CaseReturnApplication;
import io.maap.casereturn.request.command.RequestReturn;
import io.maap.casereturn.request.command.ReturnDeadlines;
import io.maap.events.CaseType;
import io.maap.events.auditprogramme.AuditCommissioned.AuditQuestion;
import io.maap.events.casereturn.ReturnOverdue;
import io.maap.events.casereturn.ReturnReminderSent;
import io.maap.support.calendar.WorkingDayCalendar;
import io.maap.testsupport.TestInfrastructure;
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
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Reminders and overdue marks are durable and exactly once: a deadline that falls while the
 * service is down fires after it restarts, once, and a further restart does not fire it again.
 * Runs on PostgreSQL and on an H2 file, as the service does in production and in the local run.
 */
class DeadlineRestartIT {

    /** Deadlines a few seconds from now instead of on calendar days, so the test need not wait for a date. */
    static volatile Instant reminderAt;
    static volatile Instant overdueAt;

    @Configuration(proxyBeanMethods = false)
    static class SoonDeadlines {

        @Bean
        @Primary
        ReturnDeadlines soonDeadlines(WorkingDayCalendar calendar) {
            return new ReturnDeadlines(calendar, java.time.ZoneId.of("Europe/London"), java.time.LocalTime.NOON,
                    java.time.LocalTime.MIDNIGHT, 5) {
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

        try (ConfigurableApplicationContext first = start(properties)) {
            reminderAt = Instant.now().plusSeconds(20);
            overdueAt = Instant.now().plusSeconds(22);
            first.getBean(CommandGateway.class).sendAndWait(new RequestReturn(id, "restart-2026", "redbridge-2017-18",
                    "RBR-2611-R01", CaseType.CHILD_IN_NEED, "met-police", LocalDate.of(2026, 11, 2),
                    LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 16),
                    List.of(new AuditQuestion("q1", "Was the child seen?", false))));
        }
        assertThat(Instant.now()).as("the service stopped before the deadlines fell").isBefore(reminderAt);
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), overdueAt).toMillis()) + 1_000);

        try (ConfigurableApplicationContext second = start(properties)) {
            EventStore events = second.getBean(EventStore.class);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(count(events, id, ReturnReminderSent.class)).isEqualTo(1);
                assertThat(count(events, id, ReturnOverdue.class)).isEqualTo(1);
            });
        }

        try (ConfigurableApplicationContext third = start(properties)) {
            Thread.sleep(4_000); // four polling intervals
            EventStore events = third.getBean(EventStore.class);
            assertThat(count(events, id, ReturnReminderSent.class)).isEqualTo(1);
            assertThat(count(events, id, ReturnOverdue.class)).isEqualTo(1);
        }
    }

    private static long count(EventStore events, String id, Class<?> type) {
        return events.readEvents(id).asStream().filter(e -> type.isInstance(e.getPayload())).count();
    }

    private static ConfigurableApplicationContext start(Map<String, String> properties) {
        properties = new java.util.LinkedHashMap<>(properties);
        properties.putAll(TestTokens.properties());
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        return CaseReturnApplication.builder().sources(SoonDeadlines.class).run(args);
    }

    private static Map<String, String> properties(String database) throws Exception {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.cloud.stream.kafka.binder.brokers", TestInfrastructure.kafkaBootstrapServers());
        properties.put("server.port", "0");
        properties.put("maap.deadlines.polling-interval", "1s");
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
