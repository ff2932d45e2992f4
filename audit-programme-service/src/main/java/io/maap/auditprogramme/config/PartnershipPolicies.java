package io.maap.auditprogramme.config;

import io.maap.auditprogramme.audit.command.PartnershipPolicy;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * The partnership's policy versions, configured under {@code maap.partnership-policy.versions}: each
 * with its number, the day it applies from, who changed it and why. Without any, the seeds'
 * defaults ({@link PartnershipPolicy#DEFAULT}) apply. An audit is commissioned under the version in
 * force on the day its tool is sent, and keeps it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PartnershipPolicies.Versions.class)
public class PartnershipPolicies {

    private final List<PartnershipPolicy> versions;

    public PartnershipPolicies(Versions configured) {
        this.versions = configured.versions() == null || configured.versions().isEmpty() ? List.of(PartnershipPolicy.DEFAULT)
                : configured.versions().stream().sorted(Comparator.comparing(PartnershipPolicy::appliesFrom)).toList();
        for (PartnershipPolicy version : versions) {
            if (version.changedBy() == null || version.changedBy().isBlank() || version.reason() == null
                    || version.reason().isBlank() || version.appliesFrom() == null) {
                throw new IllegalStateException("Policy version " + version.version()
                        + " needs who changed it, why and the day it applies from.");
            }
        }
    }

    /** The version in force on {@code day}: the latest applying from that day or before (the earliest before any). */
    public PartnershipPolicy inForceOn(LocalDate day) {
        PartnershipPolicy inForce = versions.get(0);
        for (PartnershipPolicy version : versions) {
            if (!version.appliesFrom().isAfter(day)) {
                inForce = version;
            }
        }
        return inForce;
    }

    public List<PartnershipPolicy> versions() {
        return versions;
    }

    @ConfigurationProperties("maap.partnership-policy")
    public record Versions(List<PartnershipPolicy> versions) {
    }
}
