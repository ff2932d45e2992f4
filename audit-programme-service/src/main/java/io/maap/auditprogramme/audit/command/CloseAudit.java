package io.maap.auditprogramme.audit.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Close a monitored audit with its evaluation.
 * {@code today} is the day the service records it, so that a step dated after it is refused.
 */
public record CloseAudit(@TargetAggregateIdentifier String auditId, LocalDate closedOn, String closedBy,
                         String evaluation, LocalDate today) {
}
