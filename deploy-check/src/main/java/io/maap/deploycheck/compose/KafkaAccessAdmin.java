package io.maap.deploycheck.compose;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import java.util.HashMap;
import java.util.Map;

/** The broker's admin client, connected as compose's {@code kafka-access} connects (its SASL user). */
public final class KafkaAccessAdmin {

    private KafkaAccessAdmin() {
    }

    public static Admin create(ComposeFile compose) {
        Map<String, String> access = compose.service("kafka-access").environment();
        Map<String, Object> config = new HashMap<>();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, access.get("KAFKA_BOOTSTRAP_SERVERS"));
        config.put("security.protocol", access.get("KAFKA_SECURITY_PROTOCOL"));
        config.put("sasl.mechanism", access.get("KAFKA_SASL_MECHANISM"));
        config.put("sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required username=\""
                + access.get("KAFKA_SASL_USERNAME") + "\" password=\"" + access.get("KAFKA_SASL_PASSWORD") + "\";");
        return Admin.create(config);
    }
}
