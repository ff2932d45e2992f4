package io.maap.local;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import io.maap.local.MaapServices.Service;
import io.maap.local.identity.LocalIdentityProvider;
import io.maap.local.identity.SigningKey;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The one-command local run: a KRaft Kafka broker, MongoDB (mongo-java-server on an H2 file), an
 * H2 file event store per service, an SMTP server (GreenMail), the five services and the web dashboard on their documented
 * ports, and the demo data. Each piece can be pointed at real infrastructure with the environment variables of
 * docker-compose.yml. Data lives in {@code MAAP_DATA_DIR} (default {@code .maap}) and survives
 * restarts; Ctrl-C stops everything cleanly.
 */
public final class LocalPlatform {

    private LocalPlatform() {
    }

    public static void main(String[] args) throws Exception {
        long started = System.nanoTime();
        // mongo-java-server reports every collection and index it creates, and every index it cannot make.
        System.setProperty("logging.level.de.bwaldvogel", "ERROR");
        // GreenMail reports every mailbox it creates on first delivery.
        System.setProperty("logging.level.com.icegreen.greenmail", "WARN");
        Path dataDir = Path.of(env("MAAP_DATA_DIR", ".maap")).toAbsolutePath();
        Files.createDirectories(dataDir);

        Map<String, String> common = new LinkedHashMap<>();
        Map<Service, Map<String, String>> perService = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            perService.put(service, new LinkedHashMap<>());
        }

        LocalKafka kafka = null;
        String bootstrap = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
        if (bootstrap == null) {
            kafka = new LocalKafka(dataDir, Integer.parseInt(env("MAAP_KAFKA_PORT", "9092")));
            kafka.start();
            bootstrap = kafka.bootstrapServers();
        }
        common.put("spring.cloud.stream.kafka.binder.brokers", bootstrap);
        // Reachable from this machine only, unless told otherwise: the demo users' password is public.
        String bindAddress = env("MAAP_BIND_ADDRESS", "127.0.0.1");
        common.put("server.address", bindAddress);
        boolean demoData = !"false".equals(env("MAAP_DEMO_DATA", "true"));

        MongoServer mongo = null;
        String mongoUri = System.getenv("MONGODB_URI");
        if (mongoUri == null) {
            int mongoPort = Integer.parseInt(env("MAAP_MONGO_PORT", "27017"));
            if (LocalKafka.isListening(mongoPort)) {
                throw new IllegalStateException("Port " + mongoPort + " is in use; set MONGODB_URI to use that MongoDB "
                        + "or MAAP_MONGO_PORT to choose another port.");
            }
            mongo = new MongoServer(new H2Backend(dataDir.resolve("mongo.mv").toString()));
            mongo.bind("127.0.0.1", mongoPort);
            mongoUri = "mongodb://127.0.0.1:" + mongoPort + "/maap-reporting";
        }
        perService.get(Service.REPORTING).put("spring.mongodb.uri", mongoUri);

        eventStore(perService, Service.AUDIT_PROGRAMME, "AUDIT_PROGRAMME_DB_URL", dataDir.resolve("audit-programme"));
        eventStore(perService, Service.CASE_RETURN, "CASE_RETURN_DB_URL", dataDir.resolve("case-return"));
        eventStore(perService, Service.ACTION_PLAN, "ACTION_PLAN_DB_URL", dataDir.resolve("action-plan"));
        eventStore(perService, Service.NOTIFICATION, "NOTIFICATION_DB_URL", dataDir.resolve("notification"));
        // Agency webhooks may point at a receiver on this machine over plain http (anywhere else: https only).
        perService.get(Service.NOTIFICATION).put("maap.notifications.webhooks.allow-local-http", "true");

        // A real SMTP server in process (GreenMail), unless MAAP_SMTP_HOST names one: notifications are really sent.
        GreenMail mail = null;
        String smtp = System.getenv("MAAP_SMTP_HOST");
        if (smtp == null) {
            int smtpPort = Integer.parseInt(env("MAAP_SMTP_PORT", "3025"));
            mail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            mail.start();
            perService.get(Service.NOTIFICATION).put("spring.mail.host", "127.0.0.1");
            perService.get(Service.NOTIFICATION).put("spring.mail.port", Integer.toString(smtpPort));
            smtp = "127.0.0.1:" + smtpPort + " (in process; read the mails on the dashboard's Sent notifications page)";
        }

        int identityPort = Integer.parseInt(env("MAAP_IDENTITY_PORT", "9000"));
        String issuer = env("MAAP_ISSUER_URI", "http://localhost:" + identityPort);
        ConfigurableApplicationContext identity = null;
        if (System.getenv("MAAP_JWK_SET_URI") == null) {
            if (!demoData) {
                throw new IllegalStateException("The local OpenID Connect provider only has the demo users, which come "
                        + "with the demo data: with MAAP_DEMO_DATA=false set MAAP_ISSUER_URI and MAAP_JWK_SET_URI to "
                        + "the partnership's issuer");
            }
            String dashboardUrl = env("MAAP_DASHBOARD_URL", "http://localhost:" + env("WEB_DASHBOARD_PORT", "8080"));
            identity = LocalIdentityProvider.start(SigningKey.loadOrCreate(dataDir.resolve("identity/signing-key.json")),
                    issuer, bindAddress, identityPort, dashboardUrl);
            perService.get(Service.DASHBOARD).put("maap.dashboard.issuer-url", "http://localhost:" + identityPort);
            perService.get(Service.DASHBOARD).put("maap.dashboard.sign-in.issuer", issuer);
            common.put("maap.security.issuer", issuer);
            common.put("maap.security.jwk-set-uri", "http://localhost:" + identityPort + "/oauth2/jwks");
        }

        MaapServices services = MaapServices.start(common, perService);
        ConfigurableApplicationContext identityToStop = identity;
        CountDownLatch stopped = new CountDownLatch(1);
        LocalKafka kafkaToStop = kafka;
        MongoServer mongoToStop = mongo;
        GreenMail mailToStop = mail;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            services.close();
            if (identityToStop != null) {
                identityToStop.close();
            }
            if (mongoToStop != null) {
                mongoToStop.shutdownNow();
            }
            if (mailToStop != null) {
                mailToStop.stop();
            }
            if (kafkaToStop != null) {
                kafkaToStop.close();
            }
            stopped.countDown();
        }, "maap-shutdown"));

        Path demoMarker = dataDir.resolve("demo-data-loaded");
        if (demoData && !Files.exists(demoMarker)) {
            if (identity == null) {
                throw new IllegalStateException("The demo data is loaded as the local provider's demo users; with an "
                        + "external issuer (MAAP_JWK_SET_URI) set MAAP_DEMO_DATA=false");
            }
            Api qa = new Api(LocalIdentityProvider.tokenFor(identity, "qa.coordinator"));
            DemoData.loadAll(qa, services);
            Files.writeString(demoMarker, "Redbridge 2017-18 and current-year demo data loaded\n");
        }

        System.out.printf("""

                MAAP is running (started in %d s; data in %s)
                  OpenID Connect issuer       %s   (demo users: README; a token: ./token.sh qa.coordinator)
                  Kafka bootstrap servers     %s
                  MongoDB                     %s
                  audit-programme-service     %s   API docs %s/swagger-ui.html
                  case-return-service         %s   API docs %s/swagger-ui.html
                  action-plan-service         %s   API docs %s/swagger-ui.html
                  reporting-service           %s   API docs %s/swagger-ui.html
                  notification-service        %s   API docs %s/swagger-ui.html
                  SMTP server                 %s
                  Outstanding returns         %s/api/outstanding-returns
                  Web dashboard               %s
                Press Ctrl-C to stop.
                %n""",
                (System.nanoTime() - started) / 1_000_000_000L, dataDir, issuer, bootstrap, mongoUri,
                services.baseUrl(Service.AUDIT_PROGRAMME), services.baseUrl(Service.AUDIT_PROGRAMME),
                services.baseUrl(Service.CASE_RETURN), services.baseUrl(Service.CASE_RETURN),
                services.baseUrl(Service.ACTION_PLAN), services.baseUrl(Service.ACTION_PLAN),
                services.baseUrl(Service.REPORTING), services.baseUrl(Service.REPORTING),
                services.baseUrl(Service.NOTIFICATION), services.baseUrl(Service.NOTIFICATION), smtp,
                services.baseUrl(Service.REPORTING), services.baseUrl(Service.DASHBOARD));
        stopped.await();
    }

    private static void eventStore(Map<Service, Map<String, String>> perService, Service service, String envVar, Path file) {
        if (System.getenv(envVar) == null) {
            perService.get(service).put("spring.datasource.url", "jdbc:h2:file:" + file + ";DB_CLOSE_ON_EXIT=FALSE");
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
