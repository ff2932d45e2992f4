package io.maap.bench;

import io.maap.bench.LoadGenerator.GeneratedEvent;
import io.maap.events.CaseType;
import io.maap.events.Topics;
import io.maap.events.auditprogramme.AuditCommissioned;
import io.maap.testsupport.TestInfrastructure;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * case-return-service turning an {@code AuditCommissioned} into its return requests (issue 20,
 * item 3): the commissioning is published to the service's broker as audit-programme-service's relay
 * would, and timed until the service's query model holds every request (read in its database).
 */
final class FanOutBenchmark {

    private final ForkedService service;
    private final String programme = "bench-programme-" + UUID.randomUUID();

    FanOutBenchmark(ForkedService service) {
        this.service = service;
    }

    /** The seconds from publishing an audit of {@code cases} × {@code agencies} until all its requests exist; their ids in {@code ids}. */
    double commission(int cases, int agencies, List<String> ids) throws Exception {
        String auditId = "bench-audit-" + UUID.randomUUID();
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        AuditCommissioned audit = new AuditCommissioned(auditId, programme, "Fan-out audit", "Neglect", "Lead officer", today,
                today.plusDays(28), today.plusDays(21), null,
                List.of(new AuditCommissioned.AuditQuestion("q1", "Was the child seen?", true)),
                IntStream.range(0, cases).mapToObj(c -> new AuditCommissioned.SampledCase("case-" + c, CaseType.CHILD_IN_NEED)).toList(),
                LoadGenerator.AGENCIES.subList(0, agencies));
        GeneratedEvent event = new GeneratedEvent(Topics.AUDIT_PROGRAMME_EVENTS, auditId, 0, Instant.now(), audit, UUID.randomUUID());
        TestInfrastructure.Database database = service.database();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(java.util.Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, service.kafka()), new StringSerializer(), new ByteArraySerializer());
             Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
             PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM return_request_view WHERE audit_id = ?")) {
            count.setString(1, auditId);
            long start = System.nanoTime();
            producer.send(event.toRecord()).get();
            long deadline = start + Duration.ofMinutes(3).toNanos();
            int expected = cases * agencies;
            while (rows(count) < expected) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("The audit's " + expected + " return requests were not all created in 3 minutes");
                }
                Thread.sleep(5);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT return_request_id FROM return_request_view WHERE audit_id = ? ORDER BY return_request_id")) {
                select.setString(1, auditId);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getString(1));
                    }
                }
            }
            return seconds;
        }
    }

    private static int rows(PreparedStatement count) throws Exception {
        try (ResultSet result = count.executeQuery()) {
            result.next();
            return result.getInt(1);
        }
    }

    static List<String> none() {
        return new ArrayList<>();
    }
}
