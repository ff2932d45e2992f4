package io.maap.bench;

import io.maap.bench.Baselines.Figure;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;

/** What the broker takes from a producer that sends a batch without waiting and then waits for all of it, as the relay does. */
final class SendBaselines {

    private SendBaselines() {
    }

    /**
     * {@code records} of {@code size} bytes, keyed over {@code keys} keys, in batches of {@code batch}: each batch sent
     * without waiting, flushed, and every acknowledgement awaited before the next; the relay's producer settings
     * (every replica's acknowledgement, idempotent, linger 5 ms, 128 KiB batches).
     */
    static Figure batchedAsyncSends(String kafka, String topic, int records, int batch, int size, int keys) throws Exception {
        byte[] value = new byte[size];
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5, ProducerConfig.BATCH_SIZE_CONFIG, 128 * 1024),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, "warm-up".getBytes(), value)).get();
            long start = System.nanoTime();
            List<Future<?>> acks = new ArrayList<>(batch);
            for (int i = 0; i < records; i++) {
                acks.add(producer.send(new ProducerRecord<>(topic, ("key-" + i % keys).getBytes(), value)));
                if (acks.size() == batch || i == records - 1) {
                    producer.flush();
                    for (Future<?> ack : acks) {
                        ack.get();
                    }
                    acks.clear();
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Figure("Kafka: batched asynchronous sends, " + batch + " a batch", records, seconds, Double.NaN, Double.NaN);
        }
    }
}
