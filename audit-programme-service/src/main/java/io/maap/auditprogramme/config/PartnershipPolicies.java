package io.maap.auditprogramme.config;

import io.maap.auditprogramme.audit.command.PartnershipPolicy;
import io.maap.auditprogramme.policy.command.PolicyHistory;
import io.maap.auditprogramme.policy.event.PolicyVersionAdopted;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The partnership's policy versions, configured under {@code maap.partnership-policy.versions}: each
 * with its number, the day it applies from, who changed it and why; then those adopted through the
 * API ({@link PolicyHistory}), read from its events in the event store. Without any, the seeds'
 * defaults ({@link PartnershipPolicy#DEFAULT}) apply. An audit is commissioned under the version in
 * force on the day its tool is sent, and keeps it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PartnershipPolicies.Versions.class)
public class PartnershipPolicies {

    private final List<PartnershipPolicy> configuredVersions;
    private final ObjectProvider<EventStore> eventStore;

    public PartnershipPolicies(Versions configured, ObjectProvider<EventStore> eventStore) {
        this.eventStore = eventStore;
        List<PartnershipPolicy> versions = configured.versions() == null || configured.versions().isEmpty() ? List.of(PartnershipPolicy.DEFAULT)
                : configured.versions().stream().sorted(Comparator.comparing(PartnershipPolicy::appliesFrom)).toList();
        for (PartnershipPolicy version : versions) {
            if (version.changedBy() == null || version.changedBy().isBlank() || version.reason() == null
                    || version.reason().isBlank() || version.appliesFrom() == null) {
                throw new IllegalStateException("Policy version " + version.version()
                        + " needs who changed it, why and the day it applies from.");
            }
        }
        this.configuredVersions = versions;
    }

    /** One version, with who recorded it through the API and when (null for a configured one). */
    public record Entry(PartnershipPolicy policy, String recordedBy, Instant recordedAt) {
    }

    /** Every version, configured then adopted, in the order they apply. */
    public List<Entry> entries() {
        List<Entry> entries = new ArrayList<>(configuredVersions.stream().map(v -> new Entry(v, null, null)).toList());
        EventStore store = eventStore.getIfAvailable();
        if (store != null) {
            store.readEvents(PolicyHistory.ID).asStream()
                    .map(message -> message.getPayload())
                    .filter(PolicyVersionAdopted.class::isInstance)
                    .map(PolicyVersionAdopted.class::cast)
                    .forEach(adopted -> entries.add(new Entry(PartnershipPolicy.of(adopted.version(), adopted.appliesFrom(),
                            adopted.changedBy(), adopted.reason(), adopted.values()), adopted.recordedBy(), adopted.recordedAt())));
        }
        return entries;
    }

    /** The latest version the configuration holds, which a version adopted through the API follows. */
    public PartnershipPolicy latestConfigured() {
        return configuredVersions.get(configuredVersions.size() - 1);
    }

    /** The version in force on {@code day}: the latest applying from that day or before (the earliest before any). */
    public PartnershipPolicy inForceOn(LocalDate day) {
        List<PartnershipPolicy> versions = versions();
        PartnershipPolicy inForce = versions.get(0);
        for (PartnershipPolicy version : versions) {
            if (!version.appliesFrom().isAfter(day)) {
                inForce = version;
            }
        }
        return inForce;
    }

    public List<PartnershipPolicy> versions() {
        return entries().stream().map(Entry::policy).toList();
    }

    @ConfigurationProperties("maap.partnership-policy")
    public record Versions(List<PartnershipPolicy> versions) {
    }
}
