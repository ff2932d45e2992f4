package io.maap.notification.notification.messaging;

import io.maap.notification.config.NotificationProperties;
import io.maap.notification.contact.query.ContactRecord;
import io.maap.notification.contact.query.Contacts;
import io.maap.notification.notification.query.NotificationRecord;
import io.maap.notification.notification.query.Outbox;
import io.maap.notification.rules.command.Message;
import io.maap.notification.rules.command.Templates;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The outbox on its H2 schema: once per key, retries with a doubling wait, then failed and shown, never dropped. */
class OutboxSenderTest {

    static final Instant T0 = Instant.parse("2030-01-07T09:00:00Z");

    /** A mail server that is down for the first {@code failures} attempts. */
    static final class FlakyChannel implements Channel {
        int failures;
        final List<String> delivered = new ArrayList<>();

        @Override
        public String name() {
            return "SMTP";
        }

        @Override
        public void send(String address, String kind, Message message, String reference) throws Exception {
            if (failures-- > 0) {
                throw new java.net.ConnectException("Connection refused");
            }
            delivered.add(address + " " + message.subject());
        }
    }

    Outbox outbox;
    JdbcClient jdbc;
    Contacts contacts;
    FlakyChannel channel = new FlakyChannel();
    StreamBridge kafka = mock(StreamBridge.class);
    Clock clock;
    OutboxSender sender;

    @BeforeEach
    void schema() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/notification-service/h2").load().migrate();
        jdbc = JdbcClient.create(dataSource);
        outbox = new Outbox(jdbc);
        contacts = new Contacts(jdbc);
        when(kafka.send(anyString(), any())).thenReturn(true);
        contacts.save(new ContactRecord("c1", "Redbridge LSCB", "AGENCY_SPOC", "nelft", null, "SPOC", "spoc@nelft.example",
                "qa", T0), "CREATED", "AGENCY_SPOC of nelft");
        at(T0);
    }

    void at(Instant now) {
        clock = Clock.fixed(now, ZoneOffset.UTC);
        NotificationProperties properties = new NotificationProperties("Redbridge LSCB", null, Map.of(), null, null, null,
                3, Duration.ofSeconds(30), null, null);
        sender = new OutboxSender(outbox, contacts, new Templates("http://dashboard"), new Channels(Map.of("smtp", channel)),
                properties, new OutcomePublisher(kafka, "urn:maap:notification-service"), clock, null);
    }

    boolean add(String source) {
        return outbox.add(new NotificationRecord(Outbox.idFor(source, "contact:c1", "EXTENSION_GRANTED"), source,
                "contact:c1", "EXTENSION_GRANTED", "AGENCY_SPOC", "c1", "Redbridge LSCB", "nelft", "a1", false,
                Map.of("auditId", "a1", "caseReference", "RB-1", "previousDeadline", "2030-01-25", "deadline", "2030-02-01"),
                "More time", null, Outbox.PENDING, 0, T0, null, T0, null));
    }

    String status(String source) {
        return outbox.find(Outbox.idFor(source, "contact:c1", "EXTENSION_GRANTED")).orElseThrow().status();
    }

    @Test
    void aKeyIsRecordedOnceHoweverOftenItIsAdded() {
        assertThat(add("ev-1")).isTrue();
        assertThat(add("ev-1")).isFalse();

        sender.sendDue();
        sender.sendDue();

        assertThat(channel.delivered).containsExactly("spoc@nelft.example More time: case RB-1 now due by 1 February 2030");
        verify(kafka, times(1)).send(anyString(), any());
    }

    @Test
    void aFailureIsTriedAgainAfterADoublingWaitAndThenSent() {
        channel.failures = 2;
        add("ev-2");

        sender.sendDue();
        assertThat(outbox.find(Outbox.idFor("ev-2", "contact:c1", "EXTENSION_GRANTED")).orElseThrow())
                .satisfies(n -> {
                    assertThat(n.status()).isEqualTo(Outbox.PENDING);
                    assertThat(n.nextAttemptAt()).isEqualTo(T0.plusSeconds(30));
                    assertThat(n.lastError()).contains("Connection refused");
                });
        at(T0.plusSeconds(29));
        sender.sendDue();
        assertThat(channel.failures).as("not tried before its time").isEqualTo(1);
        at(T0.plusSeconds(30));
        sender.sendDue();
        assertThat(outbox.find(Outbox.idFor("ev-2", "contact:c1", "EXTENSION_GRANTED")).orElseThrow().nextAttemptAt())
                .isEqualTo(T0.plusSeconds(90));
        at(T0.plusSeconds(90));
        sender.sendDue();

        assertThat(status("ev-2")).isEqualTo(Outbox.SENT);
        assertThat(channel.delivered).hasSize(1);
    }

    @Test
    void afterTheLastAttemptItIsShownAsFailedAndItsOutcomePublished() {
        channel.failures = 10;
        add("ev-3");

        for (int seconds : new int[] {0, 30, 90, 1000}) {
            at(T0.plusSeconds(seconds));
            sender.sendDue();
        }

        assertThat(status("ev-3")).isEqualTo(Outbox.FAILED);
        assertThat(outbox.list(null, Outbox.FAILED, 10)).singleElement()
                .satisfies(n -> assertThat(n.attempts()).isEqualTo(3));
        assertThat(channel.failures).as("three attempts, no more").isEqualTo(7);
        verify(kafka, times(1)).send(anyString(), any());
    }

    @Test
    void aDatabaseBrieflyAwayAfterTheServerAcceptedIsWaitedForAndNothingIsSentTwice() {
        int[] refusals = {2};
        outbox = new Outbox(jdbc) {
            @Override
            public void sent(String id, String channel, Instant at) {
                if (refusals[0]-- > 0) {
                    throw new org.springframework.jdbc.CannotGetJdbcConnectionException("the database is restarting");
                }
                super.sent(id, channel, at);
            }
        };
        at(T0);
        add("ev-5");

        sender.sendDue();
        sender.sendDue();

        assertThat(status("ev-5")).isEqualTo(Outbox.SENT);
        assertThat(channel.delivered).hasSize(1);
    }

    @Test
    void aContactRemovedBeforeSendingFailsTheNotificationVisibly() {
        add("ev-4");
        contacts.remove(contacts.find("c1").orElseThrow(), "qa", T0);

        sender.sendDue();

        assertThat(outbox.find(Outbox.idFor("ev-4", "contact:c1", "EXTENSION_GRANTED")).orElseThrow())
                .satisfies(n -> {
                    assertThat(n.status()).isEqualTo(Outbox.FAILED);
                    assertThat(n.lastError()).isEqualTo("the contact was removed from the directory");
                });
        assertThat(contacts.changes("c1")).extracting(c -> c.changeKind()).containsExactly("CREATED", "REMOVED");
    }
}
