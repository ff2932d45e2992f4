package io.maap.support.crypto;

import io.maap.events.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.DisposableBean;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Publishes the owning service's audit keys, wrapped by the master key, on the compacted
 * {@link Topics#AUDIT_KEYS} topic, and a tombstone when a key is destroyed. Synchronous: a key is
 * on the topic before any event sealed with it can be.
 */
public class KeyTopicPublisher implements KeyDistribution, DisposableBean {

    private final KafkaProducer<String, byte[]> producer;

    public KeyTopicPublisher(String brokers, Map<String, Object> clientProperties) {
        Map<String, Object> config = new HashMap<>(clientProperties);
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "maap-audit-keys");
        this.producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    @Override
    public void created(String auditId, byte[] wrappedKey) {
        send(auditId, wrappedKey);
    }

    @Override
    public void destroyed(String auditId) {
        send(auditId, null);
    }

    private void send(String auditId, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(Topics.AUDIT_KEYS, auditId, value)).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while publishing the key of audit " + auditId, e);
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish the key of audit " + auditId, e);
        }
    }

    @Override
    public void destroy() {
        producer.close();
    }
}
