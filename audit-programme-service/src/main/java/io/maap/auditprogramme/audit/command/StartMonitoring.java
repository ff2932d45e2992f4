package io.maap.auditprogramme.audit.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Start monitoring the signed-off audit's action plan.
 * {@code today} is the day the service records it, so that a step dated after it is refused.
 */
public record StartMonitoring(@TargetAggregateIdentifier String auditId, LocalDate startedOn, String monitoredBy,
                              LocalDate today) {
}
