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
 * only what it publishes; one principal per agency, writing only to its own submissions topic and
 * reading only its own outcomes topic. Run once per deployment as the broker's admin:
 * {@code java -cp app.jar -Dloader.main=io.maap.support.messaging.KafkaAccessControl
 * org.springframework.boot.loader.launch.PropertiesLauncher} with the environment of {@link #main};
 * with {@code --onboard <agency-code>} it adds one agency (docs/deployment.md).
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

    /** An agency code as topic names take it: lower case letters, digits and '-', starting with a letter. */
    public static final java.util.regex.Pattern AGENCY_CODE = java.util.regex.Pattern.compile("[a-z][a-z0-9-]{1,39}");

    /** Every ACL the platform needs, for the given agencies. */
    public static List<AclBinding> bindings(List<String> agencies) {
        List<AclBinding> acls = new ArrayList<>();
        publishes(acls, AUDIT_PROGRAMME, Topics.AUDIT_PROGRAMME_EVENTS);

        consumes(acls, CASE_RETURN, Topics.AUDIT_PROGRAMME_EVENTS);
        allow(acls, CASE_RETURN, ResourceType.TOPIC, Topics.AGENCY_SUBMISSIONS_PREFIX, PatternType.PREFIXED,
                AclOperation.READ, AclOperation.DESCRIBE);
        publishes(acls, CASE_RETURN, Topics.CASE_RETURN_EVENTS, Topics.AGENCY_SUBMISSIONS_DLQ, deadLetters(CASE_RETURN));
        // The outcomes relay reads the service's own events and writes each agency's outcomes topic.
        allow(acls, CASE_RETURN, ResourceType.TOPIC, Topics.CASE_RETURN_EVENTS, PatternType.LITERAL, AclOperation.READ);
        allow(acls, CASE_RETURN, ResourceType.TOPIC, Topics.AGENCY_OUTCOMES_PREFIX, PatternType.PREFIXED,
                AclOperation.WRITE, AclOperation.DESCRIBE);
        // The audit keys of the sensitive text it writes (ADR 0016): published by it, read by reporting.
        publishes(acls, CASE_RETURN, Topics.AUDIT_KEYS);

        consumes(acls, ACTION_PLAN, Topics.AUDIT_PROGRAMME_EVENTS);
        publishes(acls, ACTION_PLAN, Topics.ACTION_PLAN_EVENTS, deadLetters(ACTION_PLAN));

        consumes(acls, REPORTING, Topics.AUDIT_PROGRAMME_EVENTS, Topics.CASE_RETURN_EVENTS, Topics.ACTION_PLAN_EVENTS,
                Topics.AUDIT_KEYS);
        publishes(acls, REPORTING, Topics.BOARD_SCORECARD, deadLetters(REPORTING));

        consumes(acls, NOTIFICATION, Topics.AUDIT_PROGRAMME_EVENTS, Topics.CASE_RETURN_EVENTS, Topics.ACTION_PLAN_EVENTS);
        publishes(acls, NOTIFICATION, Topics.NOTIFICATION_EVENTS, deadLetters(NOTIFICATION));

        for (String agency : agencies) {
            acls.addAll(agencyBindings(agency));
        }
        return acls;
    }

    /**
     * An agency's rights: write its submissions topic, read its outcomes topic, with consumer groups
     * named {@code agency-<code>} or {@code agency-<code>.<anything>} (the '.' keeps agency "met"
     * out of agency "met-police"'s groups).
     */
    public static List<AclBinding> agencyBindings(String agency) {
        if (!AGENCY_CODE.matcher(agency).matches()) {
            throw new IllegalArgumentException("Not an agency code: '" + agency + "' (lower case letters, digits and '-', "
                    + "starting with a letter, 2 to 40 characters)");
        }
        List<AclBinding> acls = new ArrayList<>();
        String principal = agencyPrincipal(agency);
        allow(acls, principal, ResourceType.TOPIC, Topics.agencySubmissions(agency), PatternType.LITERAL,
                AclOperation.WRITE, AclOperation.DESCRIBE);
        allow(acls, principal, ResourceType.TOPIC, Topics.agencyOutcomes(agency), PatternType.LITERAL,
                AclOperation.READ, AclOperation.DESCRIBE);
        allow(acls, principal, ResourceType.GROUP, principal, PatternType.LITERAL, AclOperation.READ, AclOperation.DESCRIBE);
        allow(acls, principal, ResourceType.GROUP, principal + ".", PatternType.PREFIXED, AclOperation.READ, AclOperation.DESCRIBE);
        return acls;
    }

    /**
     * Onboards one agency: its two topics, its SCRAM principal {@code agency-<code>} with the given
     * password, and its ACLs. Running it again resets the password and changes nothing else.
     */
    public static void onboard(Admin admin, TopicProvisioner topics, String agency, String password) throws Exception {
        List<AclBinding> acls = agencyBindings(agency);
        topics.provision(TopicProvisioner.agencyTopicConfigs(agency));
        admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(agencyPrincipal(agency),
                new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192), password))).all().get(60, TimeUnit.SECONDS);
        admin.createAcls(acls).all().get(60, TimeUnit.SECONDS);
    }

    /** The variable holding a principal's password: {@code MAAP_KAFKA_PASSWORD_<PRINCIPAL>}. */
    public static String passwordVariable(String principal) {
        return "MAAP_KAFKA_PASSWORD_" + principal.toUpperCase(java.util.Locale.ROOT).replace('-', '_');
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
     * {@code KAFKA_SECURITY_PROTOCOL}, {@code KAFKA_SASL_MECHANISM}, {@code KAFKA_SASL_USERNAME},
     * {@code KAFKA_SASL_PASSWORD}; {@code MAAP_KAFKA_AGENCIES} (comma-separated codes); a password per
     * principal in {@link #passwordVariable} (e.g. {@code MAAP_KAFKA_PASSWORD_CASE_RETURN_SERVICE},
     * {@code MAAP_KAFKA_PASSWORD_AGENCY_MET_POLICE}). Every service's password must be given; an
     * agency without one keeps the credential it was onboarded with.
     * <p>
     * {@code --onboard <agency-code>}: onboards that one agency ({@link #onboard}), its password in
     * {@code MAAP_KAFKA_PASSWORD_AGENCY_<CODE>}; the other variables are not needed.
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        KafkaClientSecurity admin = new KafkaClientSecurity(env.get("KAFKA_SECURITY_PROTOCOL"), env.get("KAFKA_SASL_MECHANISM"),
                env.get("KAFKA_SASL_USERNAME"), env.get("KAFKA_SASL_PASSWORD"));
        String bootstrap = env.getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092");
        Map<String, Object> config = new HashMap<>(admin.clientProperties());
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        TopicProvisioner topics = new TopicProvisioner(bootstrap, 3, (short) 1, admin.clientProperties());
        if (args.length > 0) {
            if (args.length != 2 || !"--onboard".equals(args[0])) {
                throw new IllegalArgumentException("Usage: KafkaAccessControl [--onboard <agency-code>]");
            }
            String agency = args[1];
            String password = required(env, passwordVariable(agencyPrincipal(agency)));
            try (Admin client = Admin.create(config)) {
                onboard(client, topics, agency, password);
            }
            System.out.println("Onboarded agency " + agency + ": principal " + agencyPrincipal(agency) + ", topics "
                    + Topics.agencySubmissions(agency) + " (write) and " + Topics.agencyOutcomes(agency) + " (read). "
                    + "case-return-service relays its outcomes within 30 s, no restart needed; add " + agency
                    + " to MAAP_KAFKA_AGENCIES so the next start of kafka-access keeps its ACLs.");
            return;
        }
        List<String> agencies = Arrays.stream(env.getOrDefault("MAAP_KAFKA_AGENCIES", "").split(","))
                .map(String::trim).filter(code -> !code.isEmpty()).toList();
        Map<String, String> passwords = new LinkedHashMap<>();
        for (String service : SERVICES) {
            passwords.put(service, required(env, passwordVariable(service)));
        }
        List<String> keeping = new ArrayList<>();
        for (String agency : agencies) {
            String password = env.get(passwordVariable(agencyPrincipal(agency)));
            if (password == null || password.isBlank()) {
                keeping.add(agencyPrincipal(agency));
            } else {
                passwords.put(agencyPrincipal(agency), password);
            }
        }
        topics.provision(TopicProvisioner.topicConfigs(
                SERVICES.stream().filter(service -> !service.equals(AUDIT_PROGRAMME)).map(KafkaAccessControl::deadLetters).toList(),
                agencies));
        try (Admin client = Admin.create(config)) {
            provision(client, passwords, agencies);
        }
        System.out.println("MAAP Kafka principals and ACLs in place for " + passwords.keySet()
                + (keeping.isEmpty() ? "" : "; no password given, credentials kept, for " + keeping));
    }

    private static String required(Map<String, String> env, String variable) {
        String value = env.get(variable);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("Set " + variable);
        }
        return value;
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
