package io.maap.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import io.maap.testsupport.TestInfrastructure.Database;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/** What the machine allows without MAAP: plain writes and reads on the same PostgreSQL, Kafka and MongoDB. */
final class Baselines {

    /** A throughput, and latencies in milliseconds where one operation is timed alone. */
    record Figure(String name, long operations, double seconds, double p50, double p99) {

        double perSecond() {
            return operations / seconds;
        }

        @Override
        public String toString() {
            return String.format("%-44s %9d in %6.2f s: %9.0f/s%s", name, operations, seconds, perSecond(),
                    Double.isNaN(p50) ? "" : String.format(", p50 %5.2f ms, p99 %5.2f ms", p50, p99));
        }
    }

    private Baselines() {
    }

    /**
     * Single-row inserts, each its own transaction, into a table shaped like Axon's event table
     * (unique aggregate id and sequence, unique event id), from {@code clients} connections:
     * the work a command's event append does in the event store.
     */
    static Figure postgresInserts(Database database, int rows, int clients) throws Exception {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE raw_event (global_index BIGSERIAL PRIMARY KEY, event_identifier VARCHAR(255) NOT NULL UNIQUE, "
                    + "aggregate_identifier VARCHAR(255) NOT NULL, sequence_number BIGINT NOT NULL, type VARCHAR(255), "
                    + "payload BYTEA NOT NULL, payload_type VARCHAR(255) NOT NULL, time_stamp VARCHAR(255) NOT NULL, "
                    + "UNIQUE (aggregate_identifier, sequence_number))");
        }
        byte[] payload = new byte[600];
        Arrays.fill(payload, (byte) 'x');
        long[] latencies = new long[rows];
        AtomicInteger next = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            futures.add(executor.submit(() -> {
                try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
                     PreparedStatement insert = connection.prepareStatement("INSERT INTO raw_event (event_identifier, "
                             + "aggregate_identifier, sequence_number, type, payload, payload_type, time_stamp) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                    int i;
                    while ((i = next.getAndIncrement()) < rows) {
                        long sent = System.nanoTime();
                        insert.setString(1, UUID.randomUUID().toString());
                        insert.setString(2, "aggregate-" + i);
                        insert.setLong(3, 0);
                        insert.setString(4, "ReturnRequest");
                        insert.setBytes(5, payload);
                        insert.setString(6, "io.maap.events.casereturn.ReturnSubmitted");
                        insert.setString(7, java.time.Instant.now().toString());
                        insert.executeUpdate();
                        latencies[i] = System.nanoTime() - sent;
                    }
                }
                return null;
            }));
        }
        for (Future<?> future : futures) {
            future.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        executor.shutdown();
        Arrays.sort(latencies);
        return new Figure("PostgreSQL: single-row insert transactions", rows, seconds,
                HttpLoadDriver.percentile(latencies, 50), HttpLoadDriver.percentile(latencies, 99));
    }

    /**
     * One record at a time, each waiting for the broker's acknowledgement, as the relay sends;
     * {@code lingerMs} null keeps the client's default (5 ms since Kafka 4.0), as the relay has.
     */
    static Figure kafkaSyncSends(String kafka, String topic, int records, Integer lingerMs) throws Exception {
        byte[] value = new byte[600];
        long[] latencies = new long[records];
        Map<String, Object> config = new java.util.HashMap<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka));
        if (lingerMs != null) {
            config.put(ProducerConfig.LINGER_MS_CONFIG, lingerMs);
        }
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, "warm-up", value)).get();
            long start = System.nanoTime();
            for (int i = 0; i < records; i++) {
                long sent = System.nanoTime();
                producer.send(new ProducerRecord<>(topic, "key-" + i, value)).get();
                latencies[i] = System.nanoTime() - sent;
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            Arrays.sort(latencies);
            return new Figure("Kafka: synchronous sends, one at a time, linger.ms " + (lingerMs == null ? "default" : lingerMs), records, seconds,
                    HttpLoadDriver.percentile(latencies, 50), HttpLoadDriver.percentile(latencies, 99));
        }
    }

    /** A plain consumer (no group) reading the topics from their beginning to their end. */
    static Figure kafkaConsume(String kafka, List<String> topics) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                consumer.partitionsFor(topic, Duration.ofSeconds(30)).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long start = System.nanoTime();
            long read = 0;
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                read += consumer.poll(Duration.ofMillis(200)).count();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Figure("Kafka: plain consumer, event topics from start", read, seconds, Double.NaN, Double.NaN);
        }
    }

    /** Bulk writes of documents shaped like projection documents into the same MongoDB: inserts, then upserts by _id. */
    static List<Figure> mongoBulkWrites(String mongoUri, int documents) {
        int slash = mongoUri.lastIndexOf('/');
        try (MongoClient client = MongoClients.create(mongoUri.substring(0, slash))) {
            MongoCollection<Document> collection = client.getDatabase(mongoUri.substring(slash + 1)).getCollection("raw_documents");
            long start = System.nanoTime();
            List<Document> batch = new ArrayList<>();
            for (int i = 0; i < documents; i++) {
                batch.add(document(i, 0));
                if (batch.size() == 2000 || i == documents - 1) {
                    collection.insertMany(batch);
                    batch.clear();
                }
            }
            double insertSeconds = (System.nanoTime() - start) / 1e9;
            start = System.nanoTime();
            List<WriteModel<Document>> upserts = new ArrayList<>();
            for (int i = 0; i < documents; i++) {
                upserts.add(new UpdateOneModel<>(new Document("_id", "doc-" + i),
                        new Document("$set", new Document("status", "SUBMITTED").append("received", true).append("lastSequence", 1)),
                        new UpdateOptions().upsert(true)));
                if (upserts.size() == 2000 || i == documents - 1) {
                    collection.bulkWrite(upserts, new com.mongodb.client.model.BulkWriteOptions().ordered(false));
                    upserts.clear();
                }
            }
            double upsertSeconds = (System.nanoTime() - start) / 1e9;
            collection.drop();
            return List.of(new Figure("MongoDB: bulk inserts (2,000 per insertMany)", documents, insertSeconds, Double.NaN, Double.NaN),
                    new Figure("MongoDB: bulk upserts by _id (2,000 per bulkWrite)", documents, upsertSeconds, Double.NaN, Double.NaN));
        }
    }

    private static Document document(int i, long sequence) {
        return new Document("_id", "doc-" + i).append("auditId", "audit-" + i / 40).append("programmeId", "programme-" + i / 400)
                .append("caseReference", "RBR-" + i).append("agency", "nelft").append("status", "AWAITING")
                .append("dueDate", "2017-04-26").append("reminderDate", "2017-04-19").append("awaitingAgency", true)
                .append("received", false).append("nil", false).append("reminded", false).append("overdue", false)
                .append("sentBackCount", 0).append("lastSequence", sequence);
    }
}
