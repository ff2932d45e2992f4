package io.maap.deploycheck.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The compose network, as Docker makes it: a bridge, and for each service a network namespace
 * of its own (its own loopback and ports) joined to the bridge by a veth pair, with an
 * {@code /etc/hosts} naming every service ({@code ip netns exec} mounts {@code /etc/netns/<ns>/hosts}
 * over it). The bridge lives in the namespace this program runs in (the "host" of the check,
 * itself a namespace of its own made by deploy-check.sh), so nothing touches the machine's network.
 */
public final class Network implements AutoCloseable {

    private final String id;
    private final String subnet;
    private final String bridge;
    private final Map<String, String> addresses = new LinkedHashMap<>();
    private final List<String> namespaces = new ArrayList<>();

    private Network(String id, String subnet) {
        this.id = id;
        this.subnet = subnet;
        this.bridge = id + "br";
    }

    /** A bridge for the given services; addresses .11, .12, ... in a random 10.x.y.0/24. */
    public static Network create(String id, List<String> services, Path hostsFile) throws IOException, InterruptedException {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        Network network = new Network(id, "10." + random.nextInt(100, 250) + "." + random.nextInt(1, 250) + ".");
        Shell.run("ip", "link", "add", network.bridge, "type", "bridge");
        Shell.run("ip", "addr", "add", network.subnet + "1/24", "dev", network.bridge);
        Shell.run("ip", "link", "set", network.bridge, "up");
        Shell.run("ip", "link", "set", "lo", "up");
        int host = 11;
        for (String service : services) {
            network.addresses.put(service, network.subnet + host++);
        }
        int index = 0;
        for (String service : services) {
            network.join(service, index++);
        }
        // The check's own resolver (-Djdk.net.hosts.file): the service names, as a container sees them.
        StringBuilder hosts = new StringBuilder("127.0.0.1 localhost\n");
        network.addresses.forEach((name, address) -> hosts.append(address).append(' ').append(name).append('\n'));
        Files.writeString(hostsFile, hosts);
        return network;
    }

    private void join(String service, int index) throws IOException, InterruptedException {
        String namespace = namespace(service);
        Shell.run("ip", "netns", "add", namespace);
        namespaces.add(namespace);
        String outside = id + "v" + index;
        String inside = id + "c" + index;
        Shell.run("ip", "link", "add", outside, "type", "veth", "peer", "name", inside);
        Shell.run("ip", "link", "set", inside, "netns", namespace);
        Shell.run("ip", "link", "set", outside, "master", bridge, "up");
        Shell.run("ip", "-n", namespace, "link", "set", "lo", "up");
        Shell.run("ip", "-n", namespace, "addr", "add", addresses.get(service) + "/24", "dev", inside);
        Shell.run("ip", "-n", namespace, "link", "set", inside, "up");
        Shell.run("ip", "-n", namespace, "route", "add", "default", "via", subnet + "1");
        StringBuilder hosts = new StringBuilder("127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n");
        addresses.forEach((name, address) -> hosts.append(address).append('\t').append(name).append('\n'));
        Path dir = Path.of("/etc/netns", namespace);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("hosts"), hosts);
    }

    public String namespace(String service) {
        return id + "-" + service;
    }

    public String address(String service) {
        return addresses.get(service);
    }

    public String hostAddress() {
        return subnet + "1";
    }

    /** Cuts or restores a service's link to the bridge (its veth's outer end). */
    public void link(String service, boolean up) throws IOException, InterruptedException {
        int index = new ArrayList<>(addresses.keySet()).indexOf(service);
        Shell.run("ip", "link", "set", id + "v" + index, up ? "up" : "down");
    }

    @Override
    public void close() {
        for (String namespace : namespaces) {
            Shell.runQuietly("ip", "netns", "del", namespace);
            try {
                Files.deleteIfExists(Path.of("/etc/netns", namespace, "hosts"));
                Files.deleteIfExists(Path.of("/etc/netns", namespace));
            } catch (IOException ignored) {
                // best effort: a left-over hosts file names no running namespace
            }
        }
        Shell.runQuietly("ip", "link", "del", bridge);
    }
}
