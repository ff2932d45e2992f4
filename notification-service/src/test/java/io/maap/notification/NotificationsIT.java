package io.maap.notification;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.maap.events.CaseType;
import io.maap.events.EventCatalog;
import io.maap.events.Topics;
import io.maap.events.auditprogramme.AuditCommissioned;
import io.maap.events.auditprogramme.ProgrammeAgreed;
import io.maap.events.casereturn.ReturnRequested;
import io.maap.events.casereturn.ReturnSubmitted;
import io.maap.events.casereturn.SafeguardingConcernRaised;
import io.maap.notification.config.NotificationConfiguration;
import io.maap.support.messaging.EventJson;
import io.maap.testsupport.CloudEventRecords;
import io.maap.testsupport.MovableClock;
import io.maap.testsupport.TestInfrastructure;
import io.maap.testsupport.TestTokens;
import io.maap.testsupport.TopicReader;
import io.maap.testsupport.api.ApiClient;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * notification-service on the real broker and PostgreSQL, with a real SMTP server (GreenMail) and
 * a clock the test moves: events in, the right mails out, each exactly once, whatever is replayed;
 * then the reminder and the overdue digest on their days, once; then an unacknowledged concern escalated.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NotificationsIT {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final String AUDIT = "neglect-2030";
    static final String PROGRAMME = "redbridge-2029-30";
    static final LocalDate TOOL_SENT = LocalDate.of(2030, 1, 7);
    static final LocalDate REMINDER = LocalDate.of(2030, 1, 21);
    static final LocalDate DEADLINE = LocalDate.of(2030, 1, 25);
    static final LocalDate FIRST_DAY_LATE = LocalDate.of(2030, 1, 28);
    static final List<String> CASES = List.of("RB-3001", "RB-3002");

    static final MovableClock CLOCK = MovableClock.at(ZonedDateTime.of(TOOL_SENT, LocalTime.of(9, 0), LONDON));
    static final String WEBHOOK_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    static GreenMail smtp;
    /** met-police's system, with a webhook as well as email. */
    static WireMockServer agencySystem;
    static ConfigurableApplicationContext first;
    static ConfigurableApplicationContext second;
    static String kafka;
    static ApiClient qa;
    static JdbcClient db;

    @BeforeAll
    static void start() {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        agencySystem = new WireMockServer(options().dynamicPort());
        agencySystem.start();
        agencySystem.stubFor(post(urlEqualTo("/maap")).willReturn(aResponse().withStatus(204)));
        kafka = TestInfrastructure.kafkaBootstrapServers();
        TestInfrastructure.Database database = TestInfrastructure.newPostgresDatabase("maap_notification_it");
        first = start(database);
        second = start(database);
        db = first.getBean(JdbcClient.class);
        qa = ApiClient.of("http://localhost:" + first.getEnvironment().getProperty("local.server.port"),
                TestTokens.qaCoordinator());
        contact("AGENCY_SPOC", "met-police", null, "spoc@met.example");
        contact("SAFEGUARDING_LEAD", "met-police", null, "safeguarding@met.example");
        contact("AGENCY_SPOC", "nelft", null, "spoc@nelft.example");
        contact("QA_COORDINATOR", null, null, "qa@lscb.example");
        contact("AUDIT_LEAD", null, AUDIT, "audit.lead@lscb.example");
        qa.put("/api/agency-webhooks/met-police", EventJson.mapper().writeValueAsString(Map.of(
                "url", agencySystem.baseUrl() + "/maap", "secret", WEBHOOK_SECRET)));
        // bhrut has no SPOC in the directory: its notifications have no one to tell.
    }

    /** Two instances on one database and one consumer group, as a scaled-out deployment runs. */
    static ConfigurableApplicationContext start(TestInfrastructure.Database database) {
        return NotificationApplication.builder()
                .initializers(context -> context.getBeanFactory().registerSingleton("clock", CLOCK))
                .run(TestTokens.trusted("--spring.cloud.stream.kafka.binder.brokers=" + kafka, "--server.port=0",
                        "--spring.datasource.url=" + database.jdbcUrl(), "--spring.datasource.username=" + database.username(),
                        "--spring.datasource.password=" + database.password(),
                        "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtp.getSmtp().getPort(),
                        "--maap.notifications.partnership=Redbridge LSCB",
                        "--maap.notifications.check-interval=500ms", "--maap.notifications.send-interval=300ms",
                        "--maap.notifications.webhooks.allow-local-http=true",
                        "--maap.deadlines.polling-interval=300ms"));
    }

    @AfterAll
    static void stop() {
        for (ConfigurableApplicationContext context : Arrays.asList(second, first)) {
            if (context != null) {
                context.close();
            }
        }
        if (smtp != null) {
            smtp.stop();
        }
        if (agencySystem != null) {
            agencySystem.stop();
        }
    }

    static void contact(String role, String agency, String auditId, String email) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("role", role, "name", role.toLowerCase(), "email", email));
        if (agency != null) {
            body.put("agency", agency);
        }
        if (auditId != null) {
            body.put("auditId", auditId);
        }
        qa.post("/api/contacts", EventJson.mapper().writeValueAsString(body), 201);
    }

    static void publish(String id, String key, Object event) {
        EventCatalog.Entry entry = EventCatalog.forPayload(event.getClass()).orElseThrow();
        CloudEventRecords.send(kafka, CloudEventRecords.binary(entry.topic(), key, id, "urn:maap:test",
                entry.cloudEventType(), EventJson.mapper().writeValueAsString(event)));
    }

    static List<MimeMessage> mails(Predicate<MimeMessage> which) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(which).toList();
    }

    static Predicate<MimeMessage> to(String address, String subjectStart) {
        return m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(address) && m.getSubject().startsWith(subjectStart);
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    static void awaitMails(Predicate<MimeMessage> which, int count) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> mails(which).size() >= count);
    }

    /**
     * Waits until this service's consumer group has committed every partition of the topic up to
     * its end as of now: a positive signal that everything published so far was handled.
     */
    static void awaitConsumed(String topic) {
        Map<org.apache.kafka.common.TopicPartition, Long> end = TopicReader.endOffsets(kafka, List.of(topic));
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(Map.of(
                org.apache.kafka.clients.admin.AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka))) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                    .until(() -> TopicReader.readToEnd(admin, "notification-service", end));
        }
    }

    /** Waits until nothing is left to send or to publish: every notification finished and its outcome handed to Kafka. */
    static void awaitOutboxDrained() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> db.sql(
                "select count(*) from notification where status = 'PENDING' or event_published = false")
                .query(Integer.class).single() == 0);
    }

    /** Waits until the dated checks have run again after now, on either instance: a positive signal that they had their chance. */
    static void awaitChecksRunAgain() {
        Instant since = Instant.now();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> db.sql(
                        "select count(*) from scheduled_tasks where task_name = :t and last_success > :since")
                .param("t", NotificationConfiguration.CHECKS_TASK).param("since", java.sql.Timestamp.from(since))
                .query(Integer.class).single() > 0);
    }

    static AuditCommissioned commissioned() {
        return new AuditCommissioned(AUDIT, PROGRAMME, "Neglect", "Neglect", "QA Manager", TOOL_SENT, DEADLINE, REMINDER,
                null, List.of(new AuditCommissioned.AuditQuestion("q1", "Was the child seen?", true)),
                CASES.stream().map(c -> new AuditCommissioned.SampledCase(c, CaseType.CHILD_IN_NEED)).toList(),
                List.of("met-police", "nelft", "bhrut"));
    }

    static String requestId(String caseReference, String agency) {
        return AUDIT + ":" + caseReference + ":" + agency;
    }

    @Test
    @Order(1)
    void eachSpocIsSentTheToolOnceAndAReplayedEventSendsNothingMore() throws Exception {
        publish("programme-agreed", PROGRAMME, new ProgrammeAgreed(PROGRAMME, "Redbridge LSCB", "Programme",
                LocalDate.of(2029, 4, 1), LocalDate.of(2030, 3, 31), LocalDate.of(2029, 3, 22), "LSCB Executive"));
        publish("audit-commissioned", AUDIT, commissioned());
        for (String caseReference : CASES) {
            for (String agency : List.of("met-police", "nelft", "bhrut")) {
                publish("requested-" + caseReference + "-" + agency, requestId(caseReference, agency), new ReturnRequested(
                        requestId(caseReference, agency), AUDIT, PROGRAMME, caseReference, CaseType.CHILD_IN_NEED, agency,
                        TOOL_SENT, DEADLINE, REMINDER));
            }
        }

        awaitMails(to("spoc@met.example", "Audit tool"), 1);
        awaitMails(to("spoc@nelft.example", "Audit tool"), 1);
        MimeMessage toolSent = mails(to("spoc@met.example", "Audit tool")).get(0);
        assertThat(toolSent.getSubject()).isEqualTo("Audit tool: returns due by 25 January 2030");
        assertThat(body(toolSent)).contains("* RB-3001\n* RB-3002").contains("/audits/" + AUDIT)
                .doesNotContain("Was the child seen");

        // The same event again (a replay, a redelivery): counted once it is consumed and the outbox is drained.
        publish("audit-commissioned", AUDIT, commissioned());
        awaitConsumed(Topics.AUDIT_PROGRAMME_EVENTS);
        awaitOutboxDrained();
        publish("concern-raised", requestId("RB-3001", "met-police"), new SafeguardingConcernRaised(
                requestId("RB-3001", "met-police"), AUDIT, PROGRAMME, "RB-3001", "met-police", "concern-1", "auditor",
                CLOCK.instant(), "The child said something worrying"));
        awaitMails(to("safeguarding@met.example", "URGENT"), 1);
        awaitMails(to("qa@lscb.example", "URGENT"), 1);
        awaitConsumed(Topics.CASE_RETURN_EVENTS);
        awaitOutboxDrained();

        assertThat(mails(m -> subject(m).startsWith("Audit tool"))).hasSize(2);
        MimeMessage concern = mails(to("safeguarding@met.example", "URGENT")).get(0);
        assertThat(concern.getHeader("Importance")).containsExactly("High");
        assertThat(body(concern)).doesNotContain("worrying");
        List<JsonNode> noOne = qa.getList("/api/notifications?status=NO_RECIPIENT");
        assertThat(noOne).extracting(n -> n.get("agency").asString() + "/" + n.get("kind").asString())
                .containsExactly("bhrut/TOOL_SENT");

        // met-police's system got the same, signed, once each: its tool, the concern (urgent) and the concern as the
        // case-returns event itself (an agency outcome, relayed unchanged), and each request made of it.
        List<JsonNode> posted = webhookEvents();
        assertThat(posted).extracting(e -> e.get("type").asString() + "/" + (e.get("type").asString()
                        .equals("maap.notification.v1") ? e.get("subject").asString() : e.get("id").asString()))
                .containsExactlyInAnyOrder(
                        "maap.notification.v1/TOOL_SENT", "maap.notification.v1/SAFEGUARDING_CONCERN",
                        "maap.safeguarding-concern.raised.v1/concern-raised",
                        "maap.case-return.requested.v1/requested-RB-3001-met-police",
                        "maap.case-return.requested.v1/requested-RB-3002-met-police");
        assertThat(posted).filteredOn(e -> e.get("type").asString().equals("maap.safeguarding-concern.raised.v1"))
                .singleElement().satisfies(e -> assertThat(e.get("data").get("concernId").asString()).isEqualTo("concern-1"));
    }

    /** What met-police's system received, each POST's signature checked as the agency would (HMAC-SHA256 recomputed). */
    static List<JsonNode> webhookEvents() {
        return agencySystem.findAll(postRequestedFor(urlEqualTo("/maap"))).stream().map(request -> {
            assertThat(request.getHeader("webhook-signature")).as("signed with met-police's secret")
                    .isEqualTo(signature(request));
            return EventJson.mapper().readTree(request.getBodyAsString());
        }).toList();
    }

    static String signature(LoggedRequest request) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(java.util.Base64.getDecoder().decode(
                    WEBHOOK_SECRET.substring("whsec_".length())), "HmacSHA256"));
            return "v1," + java.util.Base64.getEncoder().encodeToString(mac.doFinal((request.getHeader("webhook-id") + "."
                    + request.getHeader("webhook-timestamp") + "." + request.getBodyAsString())
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    @Order(2)
    void theReminderAndTheOverdueDigestArriveOnTheirDaysOnce() {
        for (String caseReference : CASES) {
            publish("submitted-" + caseReference, requestId(caseReference, "nelft"), submitted(caseReference, "nelft"));
        }
        publish("submitted-RB-3001-met", requestId("RB-3001", "met-police"), submitted("RB-3001", "met-police"));
        awaitSubmissionsSeen(3);

        CLOCK.set(ZonedDateTime.of(REMINDER.minusDays(3), LocalTime.of(9, 0), LONDON));
        awaitChecksRunAgain();
        assertThat(mails(m -> subject(m).startsWith("Reminder"))).isEmpty();

        CLOCK.set(ZonedDateTime.of(REMINDER, LocalTime.of(9, 0), LONDON));
        awaitMails(to("spoc@met.example", "Reminder"), 1);
        awaitChecksRunAgain();
        awaitChecksRunAgain();
        awaitOutboxDrained();
        assertThat(mails(m -> subject(m).startsWith("Reminder"))).as("only met-police still owes a return")
                .singleElement().satisfies(m -> assertThat(body(m)).contains("* RB-3002").doesNotContain("RB-3001"));

        CLOCK.set(ZonedDateTime.of(DEADLINE, LocalTime.of(17, 0), LONDON));
        awaitChecksRunAgain();
        assertThat(mails(m -> subject(m).startsWith("Overdue"))).isEmpty();

        CLOCK.set(ZonedDateTime.of(FIRST_DAY_LATE, LocalTime.of(0, 5), LONDON));
        awaitMails(to("spoc@met.example", "Overdue"), 1);
        awaitMails(to("qa@lscb.example", "Overdue"), 1);
        awaitChecksRunAgain();
        awaitChecksRunAgain();
        awaitOutboxDrained();
        // The QA coordinator also hears of bhrut's two missing returns (bhrut's SPOC is not in the directory).
        assertThat(mails(m -> subject(m).startsWith("Overdue"))).extracting(NotificationsIT::recipient, NotificationsIT::subject)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("spoc@met.example", "Overdue: 1 returns were due on 25 January 2030"),
                        org.assertj.core.groups.Tuple.tuple("qa@lscb.example", "Overdue: 1 returns were due on 25 January 2030"),
                        org.assertj.core.groups.Tuple.tuple("qa@lscb.example", "Overdue: 2 returns were due on 25 January 2030"));
        assertThat(mails(m -> subject(m).startsWith("Reminder"))).hasSize(1);
    }

    @Test
    @Order(3)
    void anUnacknowledgedConcernIsEscalatedOnceAndEveryOutcomeIsPublished() {
        // concern-1 was raised on Monday 7 January at 09:00; by now (28 January) it is long unacknowledged.
        awaitMails(to("audit.lead@lscb.example", "URGENT"), 1);
        awaitMails(to("qa@lscb.example", "URGENT: safeguarding concern not acknowledged"), 1);
        // Positive signals only: the checks ran twice more after the escalation, and nothing is left to send
        // or to publish; then what the mail server holds, what the page shows and what Kafka carries must agree.
        awaitChecksRunAgain();
        awaitChecksRunAgain();
        awaitOutboxDrained();
        assertThat(mails(m -> subject(m).startsWith("URGENT: safeguarding concern not acknowledged"))).hasSize(2);

        List<String> mailed = Arrays.stream(smtp.getReceivedMessages()).map(NotificationsIT::notificationId).toList();
        assertThat(mailed).as("each notification mailed exactly once").doesNotHaveDuplicates();
        List<JsonNode> sent = qa.getList("/api/notifications?status=SENT");
        assertThat(sent).filteredOn(n -> n.get("channel").asString().equals("SMTP")).extracting(n -> n.get("id").asString())
                .containsExactlyInAnyOrderElementsOf(mailed);
        List<String> posted = agencySystem.findAll(postRequestedFor(urlEqualTo("/maap"))).stream()
                .map(r -> r.getHeader("webhook-id")).toList();
        assertThat(posted).as("each POSTed to met-police's system exactly once").doesNotHaveDuplicates();
        assertThat(sent).filteredOn(n -> n.get("channel").asString().equals("WEBHOOK")).extracting(n -> n.get("id").asString())
                .containsExactlyInAnyOrderElementsOf(posted);
        assertThat(webhookEvents()).filteredOn(e -> e.get("type").asString().equals("maap.notification.v1"))
                .extracting(e -> e.get("subject").asString()).contains("SAFEGUARDING_ESCALATION", "REMINDER", "OVERDUE_DIGEST");
        // Published outcomes were handed to the producer before their rows were marked; wait until they are all readable.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> TopicReader.endOffsets(kafka, List.of(Topics.NOTIFICATION_EVENTS)).values().stream()
                        .mapToLong(Long::longValue).sum() >= sent.size() + 3);
        List<org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]>> outcomes =
                TopicReader.readAll(kafka, Topics.NOTIFICATION_EVENTS);
        assertThat(outcomes.stream().filter(r -> header(r, "ce_type").equals("maap.notification.sent.v1"))
                .map(r -> header(r, "ce_subject"))).containsExactlyInAnyOrderElementsOf(
                        sent.stream().map(n -> n.get("id").asString()).toList());
        assertThat(outcomes.stream().filter(r -> header(r, "ce_type").equals("maap.notification.had-no-recipient.v1")).count())
                .as("bhrut's tool, reminder and digest had no one to tell").isEqualTo(3);
    }

    static ReturnSubmitted submitted(String caseReference, String agency) {
        return new ReturnSubmitted(requestId(caseReference, agency), AUDIT, PROGRAMME, caseReference, agency, 1, "spoc",
                "auditor", Instant.parse("2030-01-14T10:00:00Z"), LocalDate.of(2030, 1, 14), DEADLINE, 0, "web", List.of());
    }

    static void awaitSubmissionsSeen(int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> db.sql("select count(*) from request_view where awaiting = false")
                .query(Integer.class).single() == count);
    }

    static String notificationId(MimeMessage m) {
        try {
            return m.getHeader("X-MAAP-Notification")[0];
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String recipient(MimeMessage m) {
        try {
            return m.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String body(MimeMessage m) {
        try {
            return m.getContent().toString().replace("\r\n", "\n");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String header(org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
    }
}
