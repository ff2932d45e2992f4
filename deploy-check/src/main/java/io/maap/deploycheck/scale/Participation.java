package io.maap.deploycheck.scale;

import io.maap.deploycheck.compose.ComposeService;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.MemberDescription;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Which instance did what: the owners of an Axon processor's segments (its {@code token_entry} rows,
 * owner {@code <pid>@<host>}) sampled while the load runs, and the members of the Kafka consumer
 * groups with partitions assigned, by the address they connect from.
 */
public final class Participation {

    private final Function<Long, String> instanceOfPid;
    private final Function<String, String> instanceOfAddress;
    /** Processor/segment → every instance seen owning it. */
    private final Map<String, Set<String>> owners = new ConcurrentHashMap<>();

    /** {@code instanceOfPid}, {@code instanceOfAddress}: the instance a process id or an IP address is of, or null. */
    public Participation(Function<Long, String> instanceOfPid, Function<String, String> instanceOfAddress) {
        this.instanceOfPid = instanceOfPid;
        this.instanceOfAddress = instanceOfAddress;
    }

    /** The current owner of each segment in the service's token table (processor/segment → instance, "-" unclaimed). */
    public Map<String, String> sample(ComposeService service, String prefix) throws Exception {
        Map<String, String> now = new TreeMap<>();
        try (Connection connection = EventLog.connect(service, prefix); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT processor_name, segment, owner FROM token_entry")) {
            while (rows.next()) {
                if (rows.getString(1).startsWith("__")) {
                    continue; // Axon's own configuration row, no segment
                }
                String segment = service.name() + " " + rows.getString(1) + "/" + rows.getInt(2);
                String instance = instance(rows.getString(3));
                now.put(segment, instance == null ? "-" : instance);
                if (instance != null) {
                    owners.computeIfAbsent(segment, s -> ConcurrentHashMap.newKeySet()).add(instance);
                }
            }
        }
        return now;
    }

    /** The instance an owner column names ({@code <pid>@<host>}), or null when unclaimed or unknown. */
    String instance(String owner) {
        Long pid = pidOf(owner);
        return pid == null ? null : instanceOfPid.apply(pid);
    }

    static Long pidOf(String owner) {
        if (owner == null || owner.indexOf('@') <= 0) {
            return null;
        }
        try {
            return Long.parseLong(owner.substring(0, owner.indexOf('@')));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Every instance seen owning a segment of the service, so far. */
    public Set<String> segmentOwners(String service) {
        Set<String> seen = new TreeSet<>();
        owners.forEach((segment, instances) -> {
            if (segment.startsWith(service + " ")) {
                seen.addAll(instances);
            }
        });
        return seen;
    }

    /** Segment → instances seen owning it. */
    public Map<String, Set<String>> segments() {
        Map<String, Set<String>> copy = new TreeMap<>();
        owners.forEach((segment, instances) -> copy.put(segment, new TreeSet<>(instances)));
        return copy;
    }

    /** Consumer group → instances with partitions assigned in it now. */
    public Map<String, Set<String>> consumerGroups(Admin admin) throws Exception {
        Collection<GroupListing> groups = admin.listGroups().all().get(30, TimeUnit.SECONDS);
        List<String> ids = groups.stream().map(GroupListing::groupId).filter(id -> !id.startsWith("agency-")).toList();
        Map<String, Set<String>> members = new TreeMap<>();
        for (Map.Entry<String, ConsumerGroupDescription> group : admin.describeConsumerGroups(ids).all()
                .get(30, TimeUnit.SECONDS).entrySet()) {
            Set<String> instances = new TreeSet<>();
            for (MemberDescription member : group.getValue().members()) {
                String instance = instanceOfAddress.apply(member.host().replaceFirst("^/", ""));
                if (instance != null && !member.assignment().topicPartitions().isEmpty()) {
                    instances.add(instance);
                }
            }
            if (!instances.isEmpty()) {
                members.put(group.getKey(), instances);
            }
        }
        return members;
    }
}
