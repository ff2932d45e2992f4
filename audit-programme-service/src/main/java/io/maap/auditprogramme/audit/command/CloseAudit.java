package io.maap.auditprogramme.audit.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Close a monitored audit with its evaluation. */
public record CloseAudit(@TargetAggregateIdentifier String auditId, LocalDate closedOn, String closedBy,
                         String evaluation) {
}
