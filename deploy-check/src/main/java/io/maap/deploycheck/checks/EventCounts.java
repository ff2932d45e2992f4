package io.maap.deploycheck.checks;

import io.maap.deploycheck.compose.ComposeFile;
import io.maap.deploycheck.compose.ComposeService;
import io.maap.deploycheck.compose.KafkaAccessAdmin;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Every event there is, counted where it is kept: each event store (its database, as the
 * service's own role) and each MAAP topic of the Kafka log (as the broker's admin).
 */
public final class EventCounts {

    private final ComposeFile compose;

    public EventCounts(ComposeFile compose) {
        this.compose = compose;
    }

    public Map<String, Long> count() throws Exception {
        Map<String, Long> counts = new TreeMap<>();
        for (ComposeService service : compose.services().values()) {
            for (Map.Entry<String, String> variable : service.environment().entrySet()) {
                String prefix = variable.getKey().substring(0, Math.max(0, variable.getKey().length() - "URL".length()));
                // A MAAP service's database (Keycloak's, KC_DB_URL, has KC_DB_USERNAME and no event store).
                if (variable.getKey().endsWith("_DB_URL") && variable.getValue().startsWith("jdbc:postgresql:")
                        && service.environment().containsKey(prefix + "USER")) {
                    try (Connection connection = DriverManager.getConnection(variable.getValue(),
                            service.environment().get(prefix + "USER"), service.environment().get(prefix + "PASSWORD"))) {
                        ResultSet store = connection.createStatement().executeQuery("select to_regclass('domain_event_entry') is not null");
                        store.next();
                        if (store.getBoolean(1)) {
                            ResultSet rows = connection.createStatement().executeQuery("select count(*) from domain_event_entry");
                            rows.next();
                            counts.put(service.name() + " event store", rows.getLong(1));
                        }
                    }
                }
            }
        }
        try (Admin client = KafkaAccessAdmin.create(compose)) {
            var topics = client.describeTopics(client.listTopics().names().get(30, TimeUnit.SECONDS).stream()
                    .filter(name -> name.startsWith("maap.")).toList()).allTopicNames().get(30, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
            topics.values().forEach(topic -> topic.partitions().forEach(partition ->
                    partitions.put(new TopicPartition(topic.name(), partition.partition()), OffsetSpec.latest())));
            var ends = client.listOffsets(partitions).all().get(30, TimeUnit.SECONDS);
            ends.entrySet().stream().collect(Collectors.groupingBy(e -> e.getKey().topic(),
                            Collectors.summingLong(e -> e.getValue().offset())))
                    .forEach((topic, records) -> {
                        if (records > 0) {
                            counts.put(topic, records);
                        }
                    });
        }
        return counts;
    }
}
