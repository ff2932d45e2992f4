package io.maap.auditprogramme.policy.command;

import io.maap.auditprogramme.audit.command.PartnershipPolicy;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Adopt a new version of the partnership's policy: its values, who decided it and why, the day it
 * applies from; {@code policy.version()} is ignored (the history numbers it). {@code configured} is
 * the latest version the service's configuration holds, which the new one follows; {@code today}
 * and {@code recordedAt} come from the service's clock, {@code recordedBy} from the caller's token.
 */
public record AdoptPolicyVersion(@TargetAggregateIdentifier String policyId, PartnershipPolicy policy,
                                 PartnershipPolicy configured, LocalDate today, String recordedBy, Instant recordedAt) {
}
