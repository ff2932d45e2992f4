package io.maap.local.bench;

import io.maap.events.CaseType;
import io.maap.events.EventCatalog;
import io.maap.events.Topics;
import io.maap.events.casereturn.ReturnRequested;
import io.maap.events.casereturn.ReturnSubmitted;
import io.maap.reporting.ReportingApplication;
import io.maap.support.messaging.EventJson;
import io.maap.testsupport.TestInfrastructure;
import io.maap.testsupport.TestTokens;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * How fast reporting-service reads the event log: live catch-up, a full rebuild and an "as at"
 * view, for a deterministic synthetic history of return requests and submissions. Prints its
 * figures; run with {@code ./mvnw -o -q -pl local-platform -am -Pbenchmark verify -DskipTests}
 * (return requests per run: {@code -Dmaap.bench.requests=10000}; half are then submitted).
 */
public final class ReadSideBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ReadSideBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int requests = Integer.getInteger("maap.bench.requests", 10_000);
        int events = requests + requests / 2;
        String kafka = TestInfrastructure.kafkaBootstrapServers();
        Instant middle = publish(kafka, requests);

        long start = System.nanoTime();
        ConfigurableApplicationContext reporting = ReportingApplication.builder().run(TestTokens.trusted(
                "--spring.cloud.stream.kafka.binder.brokers=" + kafka,
                "--spring.mongodb.uri=" + TestInfrastructure.newMongoUri("maap_bench"),
                "--server.port=0", "--logging.level.root=WARN"));
        RestClient client = RestClient.builder()
                .baseUrl("http://localhost:" + reporting.getEnvironment().getRequiredProperty("local.server.port"))
                .defaultHeader("Authorization", "Bearer " + TestTokens.qaCoordinator()).build();
        while (figure(client, "expected") < requests || figure(client, "received") < requests / 2) {
            Thread.sleep(1000);
        }
        double liveSeconds = (System.nanoTime() - start) / 1e9;

        client.post().uri("/api/rebuilds").retrieve().toBodilessEntity();
        JsonNode progress;
        do {
            Thread.sleep(200);
            progress = JSON.readTree(client.get().uri("/api/rebuilds/current").retrieve().body(String.class));
        } while (!progress.get("state").asString().equals("COMPLETED") && !progress.get("state").asString().equals("FAILED"));

        long asAtStart = System.nanoTime();
        JsonNode asAt = JSON.readTree(client.get().uri("/api/scorecard?asAt=" + middle).retrieve().body(String.class));
        double asAtSeconds = (System.nanoTime() - asAtStart) / 1e9;
        long cachedStart = System.nanoTime();
        client.get().uri("/api/scorecard?asAt=" + middle).retrieve().body(String.class);
        double cachedSeconds = (System.nanoTime() - cachedStart) / 1e9;

        System.out.printf("%nread-side benchmark: %d events (%d return requests, %d submissions)%n", events, requests, requests / 2);
        System.out.printf("  live catch-up from an empty read model (incl. start-up): %.1f s, %.0f events/s%n", liveSeconds, events / liveSeconds);
        System.out.printf("  rebuild: %s, %d events at %.0f events/s%n", progress.get("state").asString(),
                progress.get("eventsDone").asLong(), progress.get("eventsPerSecond").asDouble());
        System.out.printf("  as-at view, first query (full replay): %.2f s (%d requests then); cached: %.3f s%n", asAtSeconds,
                asAt.get("figures").get("returns").get("expected").asInt(), cachedSeconds);
        reporting.close();
        System.exit(0);
    }

    private static int figure(RestClient client, String name) {
        return JSON.readTree(client.get().uri("/api/scorecard").retrieve().body(String.class))
                .get("figures").get("returns").get(name).asInt();
    }

    /** Requests returns, then submits half of them; returns the instant half-way through the requests. */
    private static Instant publish(String kafka, int requests) throws Exception {
        Random random = new Random(42);
        Instant base = Instant.parse("2017-04-03T09:00:00Z");
        Instant middle = base.plusSeconds(requests / 2);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(java.util.Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka, ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024), new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < requests; i++) {
                String id = new UUID(42, i).toString();
                String agency = List.of("met-police", "nelft", "bhrut", "lbr-childrens-social-care").get(random.nextInt(4));
                send(producer, id, 0, base.plusSeconds(i), new ReturnRequested(id, "bench-" + (i / 40), "bench-programme",
                        "RBR-" + (1000 + i % 9000) + "-B01", CaseType.CHILD_IN_NEED, agency, LocalDate.of(2017, 4, 3),
                        LocalDate.of(2017, 4, 26), LocalDate.of(2017, 4, 19)));
            }
            for (int i = 0; i < requests / 2; i++) {
                String id = new UUID(42, i).toString();
                int late = random.nextInt(4) == 0 ? 1 + random.nextInt(10) : 0;
                send(producer, id, 1, base.plusSeconds(requests + i), new ReturnSubmitted(id, "bench-" + (i / 40), "bench-programme",
                        "RBR-" + (1000 + i % 9000) + "-B01", "nelft", 1, "spoc", "auditor", base.plusSeconds(requests + i),
                        LocalDate.of(2017, 4, 26).plusDays(late), LocalDate.of(2017, 4, 26), late, "api", List.of()));
            }
            producer.flush();
        }
        return middle;
    }

    private static void send(KafkaProducer<String, byte[]> producer, String key, long sequence, Instant time, Object payload) {
        EventCatalog.Entry entry = EventCatalog.forPayload(payload.getClass()).orElseThrow();
        RecordHeaders headers = new RecordHeaders();
        header(headers, "ce_specversion", "1.0");
        header(headers, "ce_id", UUID.randomUUID().toString());
        header(headers, "ce_source", "urn:maap:benchmark");
        header(headers, "ce_type", entry.cloudEventType());
        header(headers, "ce_subject", key);
        header(headers, "ce_time", time.toString());
        header(headers, "ce_sequence", Long.toString(sequence));
        producer.send(new ProducerRecord<>(Topics.CASE_RETURN_EVENTS, null, key, EventJson.mapper().writeValueAsBytes(payload), headers));
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
