package io.maap.auditprogramme.policy.event;

import io.maap.events.auditprogramme.AuditCommissioned;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Internal event, not published: a version of the partnership's policy was adopted through the API,
 * with who decided it and why, the day it applies from, its values (as an audit keeps them), and who
 * recorded it when. Audits commissioned before keep the version they were commissioned under (it
 * is on their {@code AuditCommissioned}).
 */
public record PolicyVersionAdopted(String policyId, int version, LocalDate appliesFrom, String changedBy, String reason,
                                   AuditCommissioned.Policy values, String recordedBy, Instant recordedAt) {
}
