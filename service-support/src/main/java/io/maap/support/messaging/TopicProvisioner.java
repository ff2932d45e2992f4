package io.maap.support.messaging;

import io.maap.events.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Makes sure MAAP's topics exist with the configuration the contract promises before any
 * binding starts: event topics keep events forever (so read models can be rebuilt), agency topics
 * and dead letters for a while, the board scorecard and the audit keys are compacted. A topic created earlier by a client with broker defaults is corrected.
 */
public class TopicProvisioner {

    private static final Logger log = LoggerFactory.getLogger(TopicProvisioner.class);
    /** The largest message an agency may publish: the broker's default, stated so that it is a contract. */
    public static final int AGENCY_MESSAGE_MAX_BYTES = 1_048_588;
    /** Room for any agency message plus the dead-letter headers (reason, code, origin). */
    public static final int AGENCY_DEAD_LETTER_MAX_BYTES = 2 * 1024 * 1024;

    private final String bootstrapServers;
    private final int partitions;
    private final short replicationFactor;
    private final Map<String, Object> clientProperties;

    public TopicProvisioner(String bootstrapServers, int partitions, short replicationFactor) {
        this(bootstrapServers, partitions, replicationFactor, Map.of());
    }

    public TopicProvisioner(String bootstrapServers, int partitions, short replicationFactor, Map<String, Object> clientProperties) {
        this.clientProperties = Map.copyOf(clientProperties);
        this.bootstrapServers = bootstrapServers;
        this.partitions = partitions;
        this.replicationFactor = replicationFactor;
    }

    public static Map<String, Map<String, String>> topicConfigs(List<String> serviceDeadLetterTopics) {
        return topicConfigs(serviceDeadLetterTopics, List.of());
    }

    /**
     * How long agency topics and dead letters keep a message (docs/security.md): long enough to
     * recover from an outage, short enough that the free text an agency sent, or that a dead letter
     * quotes, does not outlive its purpose. Event topics keep everything; their sensitive text is
     * encrypted and shredded with its audit's key (ADR 0016).
     */
    public static final long AGENCY_SUBMISSIONS_RETENTION_MS = java.time.Duration.ofDays(7).toMillis();
    public static final long AGENCY_OUTCOMES_RETENTION_MS = java.time.Duration.ofDays(30).toMillis();
    public static final long DEAD_LETTER_RETENTION_MS = java.time.Duration.ofDays(30).toMillis();

    /** The platform's topics, with a submissions and an outcomes topic for each agency that connects over Kafka. */
    public static Map<String, Map<String, String>> topicConfigs(List<String> serviceDeadLetterTopics, List<String> kafkaAgencies) {
        Map<String, String> forever = Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1");
        Map<String, String> deadLetters = Map.of(TopicConfig.RETENTION_MS_CONFIG, Long.toString(DEAD_LETTER_RETENTION_MS));
        var configs = new java.util.LinkedHashMap<String, Map<String, String>>();
        configs.put(Topics.AUDIT_PROGRAMME_EVENTS, forever);
        configs.put(Topics.CASE_RETURN_EVENTS, forever);
        configs.put(Topics.ACTION_PLAN_EVENTS, forever);
        configs.put(Topics.NOTIFICATION_EVENTS, forever);
        Map<String, String> agencyTopic = Map.of(
                TopicConfig.RETENTION_MS_CONFIG, Long.toString(AGENCY_SUBMISSIONS_RETENTION_MS),
                TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(AGENCY_MESSAGE_MAX_BYTES));
        Map<String, String> outcomes = Map.of(TopicConfig.RETENTION_MS_CONFIG, Long.toString(AGENCY_OUTCOMES_RETENTION_MS));
        kafkaAgencies.forEach(agency -> configs.put(Topics.agencySubmissions(agency), agencyTopic));
        kafkaAgencies.forEach(agency -> configs.put(Topics.agencyOutcomes(agency), outcomes));
        configs.put(Topics.AGENCY_SUBMISSIONS_DLQ, Map.of(
                TopicConfig.RETENTION_MS_CONFIG, Long.toString(DEAD_LETTER_RETENTION_MS),
                TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(AGENCY_DEAD_LETTER_MAX_BYTES)));
        configs.put(Topics.BOARD_SCORECARD, Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        // Compacted, cleaned soon after a key is destroyed: the tombstone replaces the wrapped key
        // within about an hour (segment.ms) and is itself dropped a day later.
        configs.put(Topics.AUDIT_KEYS, Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                TopicConfig.SEGMENT_MS_CONFIG, Long.toString(java.time.Duration.ofHours(1).toMillis()),
                TopicConfig.MIN_CLEANABLE_DIRTY_RATIO_CONFIG, "0.01",
                TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG, "0",
                TopicConfig.DELETE_RETENTION_MS_CONFIG, Long.toString(java.time.Duration.ofDays(1).toMillis())));
        serviceDeadLetterTopics.forEach(topic -> configs.put(topic, deadLetters));
        return configs;
    }

    /** An agency's own topics: where it publishes its submissions and where it reads its outcomes. */
    public static Map<String, Map<String, String>> agencyTopicConfigs(String agency) {
        Map<String, Map<String, String>> all = topicConfigs(List.of(), List.of(agency));
        var configs = new java.util.LinkedHashMap<String, Map<String, String>>();
        configs.put(Topics.agencySubmissions(agency), all.get(Topics.agencySubmissions(agency)));
        configs.put(Topics.agencyOutcomes(agency), all.get(Topics.agencyOutcomes(agency)));
        return configs;
    }

    public void provision(Map<String, Map<String, String>> topics) {
        Map<String, Object> adminConfig = new java.util.HashMap<>(clientProperties);
        adminConfig.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        adminConfig.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 60_000);
        try (Admin admin = Admin.create(adminConfig)) {
            List<NewTopic> toCreate = new ArrayList<>();
            topics.forEach((name, config) -> toCreate.add(new NewTopic(name, partitions, replicationFactor).configs(config)));
            List<String> created = new ArrayList<>();
            admin.createTopics(toCreate).values().forEach((name, result) -> {
                try {
                    result.get(60, TimeUnit.SECONDS);
                    created.add(name);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("Could not create topic " + name, e.getCause());
                    }
                    enforce(admin, name, topics.get(name));
                } catch (Exception e) {
                    throw new IllegalStateException("Could not create topic " + name, e);
                }
            });
            if (!created.isEmpty()) {
                log.info("Created topics {}", String.join(", ", created.stream().sorted().toList()));
            }
        }
    }

    private static void enforce(Admin admin, String topic, Map<String, String> config) {
        var resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        List<AlterConfigOp> ops = config.entrySet().stream()
                .map(e -> new AlterConfigOp(new ConfigEntry(e.getKey(), e.getValue()), AlterConfigOp.OpType.SET))
                .toList();
        try {
            admin.incrementalAlterConfigs(Map.of(resource, ops)).all().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not configure topic " + topic, e);
        }
    }
}
