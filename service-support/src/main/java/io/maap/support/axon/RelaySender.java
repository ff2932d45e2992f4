package io.maap.support.axon;

import org.apache.kafka.clients.producer.ProducerRecord;

import java.util.concurrent.CompletableFuture;

/**
 * Sends one record to Kafka without waiting: the future completes when the broker acknowledged it
 * (or fails when it did not). {@link #flush()} asks for every record handed over so far to be sent
 * now rather than after the producer's linger.
 */
public interface RelaySender {

    CompletableFuture<?> send(ProducerRecord<byte[], byte[]> record);

    default void flush() {
    }
}
