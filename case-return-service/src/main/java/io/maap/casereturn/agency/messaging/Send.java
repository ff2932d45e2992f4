package io.maap.casereturn.agency.messaging;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;

import java.util.concurrent.TimeUnit;

/** Publishes and waits for the broker: the offset of the agency's message is committed only after its dead letter and outcome are safe. */
final class Send {

    private Send() {
    }

    static void andWait(KafkaTemplate<byte[], byte[]> kafka, ProducerRecord<byte[], byte[]> record) {
        try {
            kafka.send(record).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while publishing to " + record.topic(), e);
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish to " + record.topic(), e);
        }
    }
}
