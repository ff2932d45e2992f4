package io.maap.auditprogramme.audit.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Start monitoring the signed-off audit's action plan. */
public record StartMonitoring(@TargetAggregateIdentifier String auditId, LocalDate startedOn, String monitoredBy) {
}
