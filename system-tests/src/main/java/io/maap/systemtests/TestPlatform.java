package io.maap.systemtests;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.maap.local.Api;
import io.maap.local.DemoData;
import io.maap.local.MaapServices;
import io.maap.local.MaapServices.Service;
import io.maap.local.identity.LocalIdentityProvider;
import io.maap.testsupport.FreePorts;
import io.maap.testsupport.TestInfrastructure;
import io.maap.testsupport.TestTokens;
import io.maap.testsupport.api.ApiClient;
import org.awaitility.Awaitility;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.EnumMap;
import java.util.Map;

/**
 * The four services and the web dashboard on the test infrastructure, started through the local
 * run's {@link MaapServices} once for every test class in this JVM (on fresh databases) and
 * stopped when the JVM exits. Tests keep to their own ids, and reach the services through
 * {@link #api} (their HTTP APIs) and {@link #kafka} (their topics).
 */
public final class TestPlatform {

    private static MaapServices services;
    private static ConfigurableApplicationContext identity;
    private static boolean demoDataLoaded;
    private static GreenMail mail;

    private TestPlatform() {
    }

    public static synchronized MaapServices services() {
        if (services == null) {
            Map<Service, Map<String, String>> perService = new EnumMap<>(Service.class);
            perService.put(Service.AUDIT_PROGRAMME, TestInfrastructure.newPostgresDatabase("maap_audit_programme").springProperties());
            perService.put(Service.CASE_RETURN, TestInfrastructure.newPostgresDatabase("maap_case_return").springProperties());
            perService.put(Service.ACTION_PLAN, TestInfrastructure.newPostgresDatabase("maap_action_plan").springProperties());
            Map<String, String> notification = new java.util.HashMap<>(
                    TestInfrastructure.newPostgresDatabase("maap_notification").springProperties());
            mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
            mail.start();
            notification.put("spring.mail.host", "127.0.0.1");
            notification.put("spring.mail.port", Integer.toString(mail.getSmtp().getPort()));
            perService.put(Service.NOTIFICATION, notification);
            // No "as at" checkpoints here (a run only drops them): they are proven by reporting-service's
            // AsAtCheckpointsTest; here a run would replay the log on the shared platform's cores at moments no
            // flow chooses. Views "as at" an instant still replay from the start here. A rebuild hands its writes on
            // every 7 events (a poll's 2,000 by default), so that a flow's rebuild writes in several turns, as a large
            // one does, before it writes the programmes' figures from its documents.
            perService.put(Service.REPORTING, Map.of("spring.mongodb.uri", TestInfrastructure.newMongoUri("maap_reporting"),
                    "maap.reporting.board-feed-interval", "500ms", "maap.reporting.shredding-check-interval", "1s",
                    "maap.reporting.as-at-checkpoints", "0", "maap.reporting.rebuild-events-per-write", "7"));
            // The real local provider, issuing with the test key, so that both its tokens and TestTokens' are good.
            // The dashboard's port is chosen first: the provider must know where to send people back.
            int dashboardPort = FreePorts.one();
            identity = LocalIdentityProvider.start(TestTokens.key(), TestTokens.ISSUER, 0, "http://localhost:" + dashboardPort);
            perService.put(Service.DASHBOARD, Map.of("maap.dashboard.refresh-interval", "1s",
                    "server.port", Integer.toString(dashboardPort), "maap.dashboard.issuer-url", identityUrl(),
                    "maap.dashboard.sign-in.issuer", TestTokens.ISSUER));
            MaapServices started = MaapServices.start(Map.of(
                    "spring.cloud.stream.kafka.binder.brokers", kafka(),
                    "server.port", "0",
                    "maap.deadlines.polling-interval", "1s",
                    "maap.security.issuer", TestTokens.ISSUER,
                    "maap.security.jwk-set-uri", identityUrl() + "/oauth2/jwks"), perService);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                started.close();
                identity.close();
                mail.stop();
            }, "stop-test-platform"));
            services = started;
        }
        return services;
    }

    public static String identityUrl() {
        return "http://localhost:" + identity.getEnvironment().getRequiredProperty("local.server.port");
    }

    /** A service's API as the QA coordinator (the person most flows act as). */
    public static ApiClient api(Service service) {
        return api(service, TestTokens.qaCoordinator());
    }

    /** A service's API as the holder of {@code token} (null: without a token). */
    public static ApiClient api(Service service, String token) {
        return ApiClient.of(services().baseUrl(service), token);
    }

    /** The local run's way of calling the services, as the QA coordinator, for its demo data. */
    public static Api qa() {
        return new Api(TestTokens.qaCoordinator());
    }

    /**
     * The local run's demo data (Redbridge 2017-18 with its findings and plans, and the current
     * programme with returns in every state), loaded once per JVM; loading is idempotent.
     */
    public static synchronized MaapServices withDemoData() {
        MaapServices started = services();
        if (!demoDataLoaded) {
            DemoData.loadAll(qa(), started);
            demoDataLoaded = true;
        }
        return started;
    }

    /**
     * Waits until every outstanding return still awaiting its first answer whose reminder date has
     * come shows its reminder: for past dates the reminders fire at once, and a snapshot taken while
     * they land is not stable.
     */
    public static void awaitRemindersDue() {
        LocalDate today = LocalDate.now();
        ApiClient reporting = api(Service.REPORTING);
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            List<String> unreminded = new ArrayList<>();
            for (JsonNode item : reporting.getJson("/api/outstanding-returns?size=500").get("items")) {
                // a reminder goes only to a return nothing has arrived for (DueDate.remind): one submitted
                // before its reminder fired and then sent back is never reminded
                if ("AWAITING".equals(item.get("status").asString())
                        && !LocalDate.parse(item.get("reminderDate").asString()).isAfter(today) && !item.get("reminded").asBoolean()) {
                    unreminded.add(item.toString());
                }
            }
            org.assertj.core.api.Assertions.assertThat(unreminded).as("outstanding returns past their reminder date, not reminded")
                    .isEmpty();
        });
    }


    /**
     * An instant to ask "as at" that the reporting service will not round: the next whole second
     * (the default {@code maap.reporting.as-at-resolution}), returned once the clock has passed it.
     * Everything recorded before the call is at or before it; everything recorded after the
     * call returns is after it.
     */
    public static Instant nextWholeSecondPassed() {
        Instant next = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        Awaitility.await().atMost(Duration.ofSeconds(5)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(10))
                .until(() -> Instant.now().isAfter(next));
        return next;
    }

    /** The SMTP server notification-service sends to: what arrived there is what people were told. */
    public static synchronized GreenMail mail() {
        services();
        return mail;
    }

    public static String kafka() {
        return TestInfrastructure.kafkaBootstrapServers();
    }
}
