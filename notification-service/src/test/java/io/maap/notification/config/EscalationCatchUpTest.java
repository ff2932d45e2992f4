package io.maap.notification.config;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import io.maap.events.casereturn.SafeguardingConcernAcknowledged;
import io.maap.events.casereturn.SafeguardingConcernRaised;
import io.maap.notification.contact.query.AgencyWebhooks;
import io.maap.notification.contact.query.WebhookSecretSeal;
import io.maap.support.crypto.MasterKey;
import io.maap.notification.contact.query.ContactRecord;
import io.maap.notification.contact.query.Contacts;
import io.maap.notification.notification.messaging.Backlog;
import io.maap.notification.notification.messaging.Intake;
import io.maap.notification.notification.messaging.RecordPosition;
import io.maap.notification.notification.messaging.TopicOffsets;
import io.maap.notification.notification.query.ConsumedPositions;
import io.maap.notification.notification.messaging.Notifier;
import io.maap.notification.notification.messaging.ScheduledChecks;
import io.maap.notification.notification.query.LocalView;
import io.maap.notification.notification.query.NotificationRecord;
import io.maap.notification.notification.query.Outbox;
import io.maap.notification.rules.command.Actions;
import io.maap.notification.rules.command.ChallengeDays;
import io.maap.notification.rules.command.ReturnChanges;
import io.maap.notification.rules.command.ReturnDates;
import io.maap.notification.rules.command.Safeguarding;
import io.maap.notification.rules.command.Templates;
import io.maap.notification.rules.command.ToolSent;
import io.maap.support.calendar.WorkingDayCalendar;
import io.maap.support.messaging.IncomingEvent;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A safeguarding concern's escalation is not lost to an outage: what is due is recomputed at each
 * check (so the first check after a restart escalates a concern whose time passed while the service
 * was down), the checks' task runs at once on start when its time passed, and a concern acknowledged
 * only after its escalation time (read from the backlog after the restart) is escalated all the same.
 * And a check decides an escalation only once the case-returns topic is read up to its time, so an
 * acknowledgement made in time but still in the backlog after an outage prevents it.
 */
class EscalationCatchUpTest {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    /** Friday 4 January 2030, 10:00: escalation due Monday 7 January, 10:00 (the next working day). */
    static final Instant RAISED = Instant.parse("2030-01-04T10:00:00Z");
    static final Instant ESCALATION_DUE = Instant.parse("2030-01-07T10:00:00Z");
    static final Instant RESTARTED = Instant.parse("2030-01-09T08:00:00Z");

    JdbcDataSource dataSource;
    Outbox outbox;
    LocalView view;
    Notifier notifier;
    ConsumedPositions positions;
    /** The broker as the escalation check sees it: no partition at first (nothing to read), as in the tests before the backlog. */
    final FakeOffsets broker = new FakeOffsets();
    Safeguarding safeguarding = new Safeguarding(WorkingDayCalendar.englandAndWales(), LONDON);
    NotificationProperties properties = new NotificationProperties("Redbridge LSCB", null, Map.of(), null,
            Duration.ofSeconds(30), null, null, null, null, null);

    @BeforeEach
    void schema() {
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/notification-service/h2").load().migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        outbox = new Outbox(jdbc);
        view = new LocalView(jdbc);
        positions = new ConsumedPositions(jdbc);
        Contacts contacts = new Contacts(jdbc);
        contacts.save(new ContactRecord("qa", "Redbridge LSCB", "QA_COORDINATOR", null, null, "QA", "qa@lscb.example",
                "qa", RAISED), "CREATED", "QA_COORDINATOR");
        contacts.save(new ContactRecord("lead", "Redbridge LSCB", "AUDIT_LEAD", null, "a1", "Lead", "lead@lscb.example",
                "qa", RAISED), "CREATED", "AUDIT_LEAD of audit a1");
        notifier = new Notifier(contacts, view, outbox, new Templates("http://dashboard"), properties, new AgencyWebhooks(jdbc, new WebhookSecretSeal(MasterKey.fromBase64(java.util.Base64.getEncoder().encodeToString(new byte[32])))));
    }

    Intake intake(Instant now) {
        return new Intake(view, notifier, Clock.fixed(now, LONDON), new ToolSent(), new ReturnChanges(), safeguarding,
                new ChallengeDays(), new Actions(), positions);
    }

    ScheduledChecks checks(Instant now) {
        return new ScheduledChecks(view, notifier, new ReturnDates(WorkingDayCalendar.englandAndWales(), 5), safeguarding,
                Clock.fixed(now, LONDON), new Backlog(broker, positions, TOPIC, "notification-service"));
    }

    static final String TOPIC = "maap.case-returns.events.v1";

    static RecordPosition at(int partition, long offset, Instant stamped) {
        return new RecordPosition(TOPIC, partition, offset, stamped);
    }

    /** The partitions' offsets and the group's commits, as a test sets them; or a broker that does not answer. */
    static final class FakeOffsets implements TopicOffsets {
        final Map<Integer, Range> ranges = new HashMap<>();
        final Map<Integer, Long> committed = new HashMap<>();
        boolean down;

        @Override
        public Map<Integer, Range> ranges(String topic) {
            if (down) {
                throw new IllegalStateException("the broker did not answer");
            }
            return Map.copyOf(ranges);
        }

        @Override
        public Map<Integer, Long> committed(String group, String topic) {
            return Map.copyOf(committed);
        }
    }

    static IncomingEvent raised(String concernId) {
        return new IncomingEvent("raised-" + concernId, "urn:maap:case-return-service",
                "maap.safeguarding-concern.raised.v1", "r1", null, 1, new SafeguardingConcernRaised("r1", "a1", "p1",
                "RB-1", "met-police", concernId, "auditor", RAISED, "summary"));
    }

    static IncomingEvent acknowledged(String concernId, Instant at) {
        return new IncomingEvent("ack-" + concernId, "urn:maap:case-return-service",
                "maap.safeguarding-concern.acknowledged.v1", "r1", null, 2, new SafeguardingConcernAcknowledged("r1", "a1",
                "p1", "RB-1", "met-police", concernId, "sg.lead", at, "seen"));
    }

    List<String> escalationsOf(String concernId) {
        return outbox.list(null, null, 100).stream().filter(n -> n.sourceEventId().equals("escalation:" + concernId))
                .map(NotificationRecord::recipient).sorted().toList();
    }

    @Test
    void theFirstCheckAfterAnOutageEscalatesAConcernWhoseTimePassedWhileTheServiceWasDown() {
        intake(RAISED).accept(raised("c1"));
        assertThat(checks(ESCALATION_DUE.minusSeconds(1)).run()).as("not yet due").isZero();

        // Down from Friday evening until Wednesday morning: the first check after the restart.
        assertThat(checks(RESTARTED).run()).isEqualTo(2);
        assertThat(checks(RESTARTED.plusSeconds(30)).run()).as("once").isZero();

        assertThat(escalationsOf("c1")).containsExactly("contact:lead", "contact:qa");
    }

    @Test
    void aConcernAcknowledgedLateWhileTheServiceWasDownIsStillEscalatedOnce() {
        // After the restart the backlog is read before any check runs: raised Friday, acknowledged late on Tuesday.
        intake(RESTARTED).accept(raised("c2"));
        intake(RESTARTED).accept(acknowledged("c2", Instant.parse("2030-01-08T12:00:00Z")));
        intake(RESTARTED).accept(acknowledged("c2", Instant.parse("2030-01-08T12:00:00Z")));
        checks(RESTARTED).run();

        assertThat(escalationsOf("c2")).containsExactly("contact:lead", "contact:qa");
    }

    @Test
    void aConcernAcknowledgedInTimeIsNeverEscalated() {
        intake(RAISED).accept(raised("c3"));
        intake(RAISED).accept(acknowledged("c3", ESCALATION_DUE.minusSeconds(60)));

        checks(RESTARTED).run();

        assertThat(escalationsOf("c3")).isEmpty();
    }

    @Test
    void aCheckBeforeTheBacklogIsReadDefersAndATimelyAcknowledgementReadThenPreventsTheEscalation() {
        intake(RAISED).accept(raised("c5"), at(0, 0, RAISED));
        // After a long outage: the acknowledgement made in time (offset 1) is still unread when the first check runs.
        broker.ranges.put(0, new TopicOffsets.Range(0, 2));

        assertThat(checks(RESTARTED).run()).as("deferred").isZero();
        assertThat(escalationsOf("c5")).isEmpty();

        intake(RESTARTED).accept(acknowledged("c5", ESCALATION_DUE.minusSeconds(60)), at(0, 1, ESCALATION_DUE.minusSeconds(59)));
        assertThat(checks(RESTARTED.plusSeconds(30)).run()).isZero();
        assertThat(escalationsOf("c5")).isEmpty();
    }

    @Test
    void aDeferredEscalationIsMadeOnceTheBacklogIsReadWithoutAnAcknowledgement() {
        intake(RAISED).accept(raised("c6"), at(0, 0, RAISED));
        broker.ranges.put(0, new TopicOffsets.Range(0, 2));
        assertThat(checks(RESTARTED).run()).as("deferred").isZero();

        // The unread record was another concern's: once read, the check escalates c6, once.
        intake(RESTARTED).accept(raised("other"), at(0, 1, ESCALATION_DUE.minusSeconds(3600)));
        checks(RESTARTED.plusSeconds(30)).run();
        checks(RESTARTED.plusSeconds(60)).run();

        assertThat(escalationsOf("c6")).containsExactly("contact:lead", "contact:qa");
    }

    @Test
    void aPartitionIsReadUpToTheEscalationTimeByItsWatermarkItsEndOrTheGroupsCommit() {
        intake(RAISED).accept(raised("c7"), at(0, 0, RAISED));
        // Partition 0: more records behind, but one stamped after the escalation time is read, so all before it were.
        intake(RESTARTED).accept(raised("later"), at(0, 3, ESCALATION_DUE.plusSeconds(1)));
        broker.ranges.put(0, new TopicOffsets.Range(0, 9));
        // Partition 1: nothing of it handled here (e.g. dead-lettered), but the group has committed to its end.
        broker.ranges.put(1, new TopicOffsets.Range(0, 4));
        broker.committed.put(1, 3L);
        // Partition 2: its records are gone (retention): nothing to read.
        broker.ranges.put(2, new TopicOffsets.Range(7, 7));

        assertThat(checks(RESTARTED).run()).as("partition 1 is one record short").isZero();

        broker.committed.put(1, 4L);
        checks(RESTARTED.plusSeconds(30)).run();
        assertThat(escalationsOf("c7")).containsExactly("contact:lead", "contact:qa");
    }

    @Test
    void aCheckThatCannotAskTheBrokerDefersAndTheNextDecides() {
        intake(RAISED).accept(raised("c8"), at(0, 0, RAISED));
        broker.ranges.put(0, new TopicOffsets.Range(0, 1));
        broker.down = true;
        assertThat(checks(RESTARTED).run()).as("deferred").isZero();

        broker.down = false;
        assertThat(checks(RESTARTED.plusSeconds(30)).run()).isEqualTo(2);
        assertThat(escalationsOf("c8")).containsExactly("contact:lead", "contact:qa");
    }

    @Test
    void onStartTheChecksTaskRunsAtOnceWhenItsTimePassedDuringTheOutage() {
        intake(RAISED).accept(raised("c4"));
        StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("checks", checks(RESTARTED)));
        RecurringTask<Void> task = new NotificationConfiguration().checksTask(properties,
                beans.getBeanProvider(ScheduledChecks.class));
        // What the last run before the outage left: the next check due long ago (the scheduler's own, real, clock).
        JdbcClient.create(dataSource).sql("insert into scheduled_tasks (task_name, task_instance, execution_time, picked,"
                        + " consecutive_failures, version) values (:t, :i, :at, false, 0, 1)")
                .param("t", NotificationConfiguration.CHECKS_TASK).param("i", RecurringTask.INSTANCE)
                .param("at", Timestamp.from(Instant.now().minus(Duration.ofDays(3)))).update();

        Scheduler scheduler = Scheduler.create(dataSource, task).pollingInterval(Duration.ofMillis(100)).threads(1).build();
        try {
            scheduler.start();
            await().atMost(Duration.ofSeconds(20)).until(() -> escalationsOf("c4").size() == 2);
        } finally {
            scheduler.stop();
        }
        assertThat(escalationsOf("c4")).containsExactly("contact:lead", "contact:qa");
    }
}
