package io.maap.notification.notification.messaging;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.maap.events.casereturn.ReturnSentBack;
import io.maap.notification.config.NotificationProperties;
import io.maap.notification.contact.query.AgencyWebhook;
import io.maap.notification.contact.query.AgencyWebhooks;
import io.maap.notification.contact.query.WebhookSecretSeal;
import io.maap.support.crypto.MasterKey;
import io.maap.notification.contact.query.ContactRecord;
import io.maap.notification.contact.query.Contacts;
import io.maap.notification.notification.query.LocalView;
import io.maap.notification.notification.query.NotificationRecord;
import io.maap.notification.notification.query.Outbox;
import io.maap.notification.rules.command.ReturnChanges;
import io.maap.notification.rules.command.Templates;
import io.maap.support.messaging.EventJson;
import io.maap.support.messaging.IncomingEvent;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * Webhooks for agency systems, end to end below Kafka: the rules' notification and an agency
 * outcome go through the outbox (H2 schema) to an endpoint WireMock plays, as signed CloudEvents.
 * The signature is checked here independently, as an agency would (HMAC-SHA256 recomputed).
 */
class WebhookDeliveryTest {

    static final Instant T0 = Instant.parse("2030-01-07T09:00:00Z");
    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    /** A master key for the tests (32 bytes, base64), as {@code maap.crypto.master-key} gives it. */
    static final MasterKey MASTER_KEY = MasterKey.fromBase64(Base64.getEncoder().encodeToString(new byte[32]));

    WireMockServer agency;
    JdbcDataSource dataSource;
    Outbox outbox;
    Contacts contacts;
    AgencyWebhooks webhooks;
    LocalView view;
    OutboxSenderTest.FlakyChannel email = new OutboxSenderTest.FlakyChannel();
    StreamBridge kafka = mock(StreamBridge.class);
    NotificationProperties properties = new NotificationProperties("Redbridge LSCB", null, Map.of(), null, null, null,
            3, Duration.ofSeconds(30), null, null);
    Clock clock;
    OutboxSender sender;
    Notifier notifier;

    @BeforeEach
    void start() {
        agency = new WireMockServer(options().dynamicPort());
        agency.start();
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/notification-service/h2").load().migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        outbox = new Outbox(jdbc);
        contacts = new Contacts(jdbc);
        webhooks = new AgencyWebhooks(jdbc, new WebhookSecretSeal(MASTER_KEY));
        view = new LocalView(jdbc);
        when(kafka.send(anyString(), any())).thenReturn(true);
        contacts.save(new ContactRecord("c1", "Redbridge LSCB", "AGENCY_SPOC", "nelft", null, "SPOC", "spoc@nelft.example",
                "qa", T0), "CREATED", "AGENCY_SPOC of nelft");
        notifier = new Notifier(contacts, view, outbox, new Templates("http://dashboard"), properties, webhooks);
        at(T0);
    }

    @AfterEach
    void stop() {
        agency.stop();
    }

    void at(Instant now) {
        clock = Clock.fixed(now, ZoneOffset.UTC);
        Templates templates = new Templates("http://dashboard");
        WebhookSender webhookSender = new WebhookSender(webhooks,
                new WebhookChannel(Duration.ofSeconds(5), true, clock), templates, "urn:maap:notification-service");
        sender = new OutboxSender(outbox, contacts, templates, new Channels(Map.of("smtp", email)), properties,
                new OutcomePublisher(kafka, "urn:maap:notification-service"), clock, webhookSender);
    }

    void webhook(String path, boolean emailToo) {
        webhooks.save(new AgencyWebhook("Redbridge LSCB", "nelft", agency.baseUrl() + path, SECRET, emailToo, "qa", T0),
                "CREATED", "webhook of nelft");
    }

    ReturnSentBack sentBack() {
        return new ReturnSentBack("r1", "a1", "p1", "RB-1", "nelft", 1, List.of("Chronology missing"), "qa",
                T0, LocalDate.parse("2030-01-07"), LocalDate.parse("2030-01-14"));
    }

    void sentBackNotified(String eventId) {
        notifier.record(new ReturnChanges().sentBack(eventId, sentBack()), T0);
    }

    /** The agency's check, written from the Standard Webhooks scheme, not from our code. */
    static boolean signedWithTheSecret(LoggedRequest request) throws Exception {
        String signed = request.getHeader("webhook-id") + "." + request.getHeader("webhook-timestamp") + "."
                + request.getBodyAsString();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(SECRET.substring("whsec_".length())), "HmacSHA256"));
        String expected = "v1," + Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        return List.of(request.getHeader("webhook-signature").split(" ")).contains(expected);
    }

    NotificationRecord webhookRow(String source, String kind) {
        return outbox.find(Outbox.idFor(source, "webhook:nelft", kind)).orElseThrow();
    }

    @Test
    void aNotificationArrivesAsASignedStructuredCloudEventAndThePeopleAreStillEmailed() throws Exception {
        agency.stubFor(post(urlEqualTo("/maap")).willReturn(aResponse().withStatus(204)));
        webhook("/maap", true);

        sentBackNotified("ev-1");
        sender.sendDue();

        List<LoggedRequest> received = agency.findAll(postRequestedFor(urlEqualTo("/maap")));
        assertThat(received).hasSize(1);
        LoggedRequest request = received.get(0);
        assertThat(request.getHeader("Content-Type")).startsWith("application/cloudevents+json");
        assertThat(request.getHeader("webhook-timestamp")).isEqualTo(Long.toString(T0.getEpochSecond()));
        assertThat(signedWithTheSecret(request)).as("signature recomputed by the receiver").isTrue();
        JsonNode event = EventJson.mapper().readTree(request.getBodyAsString());
        String id = Outbox.idFor("ev-1", "webhook:nelft", "SENT_BACK");
        assertThat(request.getHeader("webhook-id")).isEqualTo(id);
        assertThat(event.get("specversion").asString()).isEqualTo("1.0");
        assertThat(event.get("id").asString()).isEqualTo(id);
        assertThat(event.get("type").asString()).isEqualTo(WebhookEvents.NOTIFICATION_TYPE);
        assertThat(event.get("source").asString()).isEqualTo("urn:maap:notification-service");
        assertThat(event.get("data").get("kind").asString()).isEqualTo("SENT_BACK");
        assertThat(event.get("data").get("facts").get("caseReference").asString()).isEqualTo("RB-1");
        assertThat(event.get("data").get("body").asString()).doesNotContain("Chronology missing");

        assertThat(webhookRow("ev-1", "SENT_BACK").status()).isEqualTo(Outbox.SENT);
        assertThat(webhookRow("ev-1", "SENT_BACK").channel()).isEqualTo("WEBHOOK");
        assertThat(email.delivered).singleElement().asString().startsWith("spoc@nelft.example");
    }

    @Test
    void theSecretIsStoredSealedWithTheMasterKeyAndStillSigns() throws Exception {
        agency.stubFor(post(urlEqualTo("/maap")).willReturn(aResponse().withStatus(204)));
        webhook("/maap", true);

        String stored = JdbcClient.create(dataSource).sql("select secret from agency_webhook where agency = 'nelft'")
                .query(String.class).single();
        assertThat(stored).startsWith("maap-webhook-secret:v1:").doesNotContain(SECRET)
                .doesNotContain(SECRET.substring("whsec_".length()));
        assertThat(webhooks.find("Redbridge LSCB", "nelft").orElseThrow().secret()).isEqualTo(SECRET);

        sentBackNotified("ev-9");
        sender.sendDue();
        assertThat(signedWithTheSecret(agency.findAll(postRequestedFor(urlEqualTo("/maap"))).get(0)))
                .as("signed with the secret opened from the sealed column").isTrue();

        // Sealed for nelft, bound to it: copied onto another agency's row it does not open.
        JdbcClient.create(dataSource).sql("insert into agency_webhook (partnership, agency, url, secret, email_too,"
                        + " updated_by, updated_at) values ('Redbridge LSCB', 'met-police', 'https://met.example', :s, true,"
                        + " 'x', :at)").param("s", stored).param("at", java.sql.Timestamp.from(T0)).update();
        assertThatThrownBy(() -> webhooks.find("Redbridge LSCB", "met-police")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aWebhookInsteadOfEmailLeavesTheAgencysPeopleOut() {
        agency.stubFor(post(urlEqualTo("/maap")).willReturn(aResponse().withStatus(200)));
        webhook("/maap", false);

        sentBackNotified("ev-2");
        sender.sendDue();

        assertThat(agency.findAll(postRequestedFor(urlEqualTo("/maap")))).hasSize(1);
        assertThat(email.delivered).isEmpty();
        assertThat(outbox.list("nelft", null, 10)).singleElement()
                .satisfies(n -> assertThat(n.recipient()).isEqualTo("webhook:nelft"));
    }

    @Test
    void a500IsTriedAgainAfterTheWaitWithTheSameIdAndThenSentOnce() {
        agency.stubFor(post(urlEqualTo("/maap")).inScenario("down").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(500)).willSetStateTo("up"));
        agency.stubFor(post(urlEqualTo("/maap")).inScenario("down").whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(200)));
        webhook("/maap", false);
        sentBackNotified("ev-3");

        sender.sendDue();
        assertThat(webhookRow("ev-3", "SENT_BACK")).satisfies(n -> {
            assertThat(n.status()).isEqualTo(Outbox.PENDING);
            assertThat(n.lastError()).contains("answered 500");
            assertThat(n.nextAttemptAt()).isEqualTo(T0.plusSeconds(30));
        });
        at(T0.plusSeconds(30));
        sender.sendDue();
        sender.sendDue();

        assertThat(webhookRow("ev-3", "SENT_BACK").status()).isEqualTo(Outbox.SENT);
        List<LoggedRequest> received = agency.findAll(postRequestedFor(urlEqualTo("/maap")));
        assertThat(received).hasSize(2);
        assertThat(received).extracting(r -> r.getHeader("webhook-id")).containsOnly(
                Outbox.idFor("ev-3", "webhook:nelft", "SENT_BACK"));
    }

    @Test
    void aRedirectIsNotFollowedAndAfterTheLastAttemptTheRowIsShownFailed() {
        agency.stubFor(post(urlEqualTo("/maap")).willReturn(aResponse().withStatus(307)
                .withHeader("Location", agency.baseUrl() + "/elsewhere")));
        agency.stubFor(post(urlEqualTo("/elsewhere")).willReturn(aResponse().withStatus(200)));
        webhook("/maap", false);
        sentBackNotified("ev-4");

        for (int seconds : new int[] {0, 30, 90}) {
            at(T0.plusSeconds(seconds));
            sender.sendDue();
        }

        assertThat(agency.findAll(postRequestedFor(urlEqualTo("/elsewhere")))).isEmpty();
        assertThat(agency.findAll(postRequestedFor(urlEqualTo("/maap")))).hasSize(3);
        assertThat(webhookRow("ev-4", "SENT_BACK")).satisfies(n -> {
            assertThat(n.status()).isEqualTo(Outbox.FAILED);
            assertThat(n.attempts()).isEqualTo(3);
            assertThat(n.lastError()).contains("307").contains("redirect");
        });
    }

    @Test
    void anAgencyOutcomeIsRelayedUnchangedOnceHoweverOftenItArrives() throws Exception {
        agency.stubFor(post(urlEqualTo("/maap")).willReturn(aResponse().withStatus(200)));
        webhook("/maap", true);
        IncomingEvent outcome = new IncomingEvent("ev-5", "urn:maap:case-return-service", "maap.case-return.sent-back.v1",
                "r1", OffsetDateTime.parse("2030-01-07T09:00:00Z"), 3, sentBack());

        assertThat(notifier.relayOutcome(outcome, T0)).isTrue();
        assertThat(notifier.relayOutcome(outcome, T0)).as("a redelivery adds nothing").isFalse();
        sender.sendDue();

        List<LoggedRequest> received = agency.findAll(postRequestedFor(urlEqualTo("/maap")));
        assertThat(received).hasSize(1);
        assertThat(signedWithTheSecret(received.get(0))).isTrue();
        JsonNode event = EventJson.mapper().readTree(received.get(0).getBodyAsString());
        assertThat(event.get("id").asString()).isEqualTo("ev-5");
        assertThat(event.get("source").asString()).isEqualTo("urn:maap:case-return-service");
        assertThat(event.get("type").asString()).isEqualTo("maap.case-return.sent-back.v1");
        assertThat(event.get("subject").asString()).isEqualTo("r1");
        assertThat(event.get("data").get("resubmissionDue").asString()).isEqualTo("2030-01-14");
        assertThat(webhookRow("ev-5", WebhookEvents.OUTCOME_KIND).status()).isEqualTo(Outbox.SENT);
    }

    @Test
    void theDocumentedExampleSignatureIsWhatTheChannelSigns() {
        assertThat(WebhookChannel.signature(WebhookAddress.key(SECRET), "msg_1", 1700000000L,
                "{\"a\":1}".getBytes(StandardCharsets.UTF_8))).isEqualTo("v1,hVsFLpmw4Ib/Xm0eZLt3KqYBZdt0U8gdGeuz0EsGv78=");
    }

    @Test
    void withoutAWebhookNothingIsAddedForTheAgencysSystem() {
        sentBackNotified("ev-6");
        assertThat(notifier.relayOutcome(new IncomingEvent("ev-7", "urn:maap:case-return-service",
                "maap.case-return.sent-back.v1", "r1", null, 1, sentBack()), T0)).isFalse();

        sender.sendDue();

        assertThat(agency.findAll(anyRequestedFor(anyUrl()))).isEmpty();
        assertThat(outbox.list("nelft", null, 10)).extracting(NotificationRecord::recipient).containsExactly("contact:c1");
    }
}
