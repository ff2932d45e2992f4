package io.maap.deploycheck.stack;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import java.io.FileReader;
import java.io.Reader;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * {@code kafka-broker-api-versions.sh --bootstrap-server <host:port> --command-config <file>} as the
 * Kafka image has it, for the broker's healthcheck: exits 0 when the broker answers a client
 * authenticated with the given properties, 1 otherwise.
 */
public final class BrokerApiVersions {

    private BrokerApiVersions() {
    }

    public static void main(String[] args) throws Exception {
        Properties properties = new Properties();
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals("--bootstrap-server")) {
                properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[i + 1]);
            } else if (args[i].equals("--command-config")) {
                try (Reader reader = new FileReader(args[i + 1])) {
                    properties.load(reader);
                }
            }
        }
        try (Admin admin = Admin.create(properties)) {
            admin.describeCluster().nodes().get(60, TimeUnit.SECONDS).forEach(node ->
                    System.out.println(node.host() + ":" + node.port() + " (id: " + node.id() + ")"));
            System.exit(0);
        } catch (Exception e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
    }
}
