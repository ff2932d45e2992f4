package io.maap.auditprogramme.audit.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Record that the QA group analysed the returns.
 * {@code today} is the day the service records it, so that a step dated after it is refused.
 */
public record RecordAnalysis(@TargetAggregateIdentifier String auditId, LocalDate analysedOn, String analysedBy,
                             LocalDate today) {
}
