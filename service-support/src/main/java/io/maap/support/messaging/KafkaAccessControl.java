package io.maap.support.messaging;

import io.maap.events.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The broker's access rules for MAAP, for a broker that authenticates (SASL/SCRAM) and denies
 * whatever no ACL allows: one principal per service, reading only what it consumes and writing
 * only what it publishes; one principal per agency, writing only to its own submissions topic.
 * Run once per deployment, and again when an agency is added, as the broker's admin:
 * {@code java -cp app.jar -Dloader.main=io.maap.support.messaging.KafkaAccessControl
 * org.springframework.boot.loader.launch.PropertiesLauncher} with the environment of {@link #main}.
 */
public final class KafkaAccessControl {

    public static final String AUDIT_PROGRAMME = "audit-programme-service";
    public static final String CASE_RETURN = "case-return-service";
    public static final String ACTION_PLAN = "action-plan-service";
    public static final String REPORTING = "reporting-service";
    public static final String NOTIFICATION = "notification-service";
    public static final List<String> SERVICES = List.of(AUDIT_PROGRAMME, CASE_RETURN, ACTION_PLAN, REPORTING, NOTIFICATION);

    private KafkaAccessControl() {
    }

    /** The principal of an agency's system: {@code agency-<code>}. */
    public static String agencyPrincipal(String agency) {
        return "agency-" + agency;
    }

    /** Every ACL the platform needs, for the given agencies. */
    public static List<AclBinding> bindings(List<String> agencies) {
        List<AclBinding> acls = new ArrayList<>();
        publishes(acls, AUDIT_PROGRAMME, Topics.AUDIT_PROGRAMME_EVENTS);

        consumes(acls, CASE_RETURN, Topics.AUDIT_PROGRAMME_EVENTS);
        allow(acls, CASE_RETURN, ResourceType.TOPIC, Topics.AGENCY_SUBMISSIONS_PREFIX, PatternType.PREFIXED,
                AclOperation.READ, AclOperation.DESCRIBE);
        publishes(acls, CASE_RETURN, Topics.CASE_RETURN_EVENTS, Topics.AGENCY_SUBMISSIONS_DLQ, deadLetters(CASE_RETURN));

        consumes(acls, ACTION_PLAN, Topics.AUDIT_PROGRAMME_EVENTS);
        publishes(acls, ACTION_PLAN, Topics.ACTION_PLAN_EVENTS, deadLetters(ACTION_PLAN));

        consumes(acls, REPORTING, Topics.AUDIT_PROGRAMME_EVENTS, Topics.CASE_RETURN_EVENTS, Topics.ACTION_PLAN_EVENTS);
        publishes(acls, REPORTING, Topics.BOARD_SCORECARD, deadLetters(REPORTING));

        consumes(acls, NOTIFICATION, Topics.AUDIT_PROGRAMME_EVENTS, Topics.CASE_RETURN_EVENTS, Topics.ACTION_PLAN_EVENTS);
        publishes(acls, NOTIFICATION, Topics.NOTIFICATION_EVENTS, deadLetters(NOTIFICATION));

        for (String agency : agencies) {
            allow(acls, agencyPrincipal(agency), ResourceType.TOPIC, Topics.agencySubmissions(agency), PatternType.LITERAL,
                    AclOperation.WRITE, AclOperation.DESCRIBE);
        }
        return acls;
    }

    /**
     * Creates (or resets the password of) each principal and adds the ACLs. Topics are created by
     * {@link TopicProvisioner} with the admin's rights, so services need no CREATE right.
     */
    public static void provision(Admin admin, Map<String, String> passwords, List<String> agencies) throws Exception {
        List<UserScramCredentialUpsertion> users = new ArrayList<>();
        passwords.forEach((user, password) -> users.add(new UserScramCredentialUpsertion(user,
                new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192), password)));
        if (!users.isEmpty()) {
            admin.alterUserScramCredentials(List.copyOf(users)).all().get(60, TimeUnit.SECONDS);
        }
        admin.createAcls(bindings(agencies)).all().get(60, TimeUnit.SECONDS);
    }

    /**
     * For a deployment's init job. Environment: {@code KAFKA_BOOTSTRAP_SERVERS}; the admin's
     * {@code KAFKA_SECURITY_PROTOCOL}, {@code KAFKA_SASL_USERNAME}, {@code KAFKA_SASL_PASSWORD};
     * {@code MAAP_KAFKA_AGENCIES} (comma-separated codes); a password per principal in
     * {@code MAAP_KAFKA_PASSWORD_<PRINCIPAL>} (upper case, '-' as '_', e.g.
     * {@code MAAP_KAFKA_PASSWORD_CASE_RETURN_SERVICE}, {@code MAAP_KAFKA_PASSWORD_AGENCY_MET_POLICE}).
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        List<String> agencies = Arrays.stream(env.getOrDefault("MAAP_KAFKA_AGENCIES", "").split(","))
                .map(String::trim).filter(code -> !code.isEmpty()).toList();
        Map<String, String> passwords = new LinkedHashMap<>();
        List<String> principals = new ArrayList<>(SERVICES);
        agencies.forEach(agency -> principals.add(agencyPrincipal(agency)));
        for (String principal : principals) {
            String variable = "MAAP_KAFKA_PASSWORD_" + principal.toUpperCase(java.util.Locale.ROOT).replace('-', '_');
            String password = env.get(variable);
            if (password == null || password.isBlank()) {
                throw new IllegalStateException("Set " + variable);
            }
            passwords.put(principal, password);
        }
        KafkaClientSecurity admin = new KafkaClientSecurity(env.get("KAFKA_SECURITY_PROTOCOL"), env.get("KAFKA_SASL_MECHANISM"),
                env.get("KAFKA_SASL_USERNAME"), env.get("KAFKA_SASL_PASSWORD"));
        Map<String, Object> config = new HashMap<>(admin.clientProperties());
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, env.getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092"));
        new TopicProvisioner((String) config.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG), 3, (short) 1,
                admin.clientProperties()).provision(TopicProvisioner.topicConfigs(
                SERVICES.stream().filter(service -> !service.equals(AUDIT_PROGRAMME)).map(KafkaAccessControl::deadLetters).toList(),
                agencies));
        try (Admin client = Admin.create(config)) {
            provision(client, passwords, agencies);
        }
        System.out.println("MAAP Kafka principals and ACLs in place for " + principals);
    }

    static String deadLetters(String service) {
        return "maap." + service + ".dlq.v1";
    }

    private static void publishes(List<AclBinding> acls, String principal, String... topics) {
        for (String topic : topics) {
            allow(acls, principal, ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.WRITE, AclOperation.DESCRIBE);
        }
    }

    private static void consumes(List<AclBinding> acls, String principal, String... topics) {
        for (String topic : topics) {
            allow(acls, principal, ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.READ, AclOperation.DESCRIBE);
        }
        // Consumer groups named after the service (and its rebuild or test variants).
        allow(acls, principal, ResourceType.GROUP, principal, PatternType.PREFIXED, AclOperation.READ, AclOperation.DESCRIBE);
    }

    private static void allow(List<AclBinding> acls, String principal, ResourceType type, String name, PatternType pattern,
                              AclOperation... operations) {
        for (AclOperation operation : operations) {
            acls.add(new AclBinding(new ResourcePattern(type, name, pattern),
                    new AccessControlEntry("User:" + principal, "*", operation, AclPermissionType.ALLOW)));
        }
    }
}
