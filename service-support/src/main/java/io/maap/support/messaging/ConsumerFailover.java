package io.maap.support.messaging;

import org.apache.kafka.clients.consumer.ConsumerConfig;

import java.util.Map;

/**
 * How soon a consumer group gives a dead member's partitions to the others: the group drops a
 * member it has not heard from for {@value #SESSION_TIMEOUT_MS} ms (the client's default is 45 s),
 * so a killed instance's partitions, or a restarted instance's own, are read again within about
 * 10 s rather than 45 s. Heartbeats go every {@value #HEARTBEAT_INTERVAL_MS} ms, a third of the
 * session, as Kafka advises. The binder's consumers get the same from
 * {@code maap-service-defaults.yml}; consumers made by hand add {@link #properties()}.
 */
public final class ConsumerFailover {

    public static final int SESSION_TIMEOUT_MS = 10_000;
    public static final int HEARTBEAT_INTERVAL_MS = 3_000;

    private ConsumerFailover() {
    }

    public static Map<String, Object> properties() {
        return Map.of(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, SESSION_TIMEOUT_MS,
                ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, HEARTBEAT_INTERVAL_MS);
    }
}
