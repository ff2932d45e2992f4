package io.maap.auditprogramme.audit.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Stop waiting for returns: {@code finalSubmissionOn} starts the 15-working-day challenge-day window.
 * {@code today} is the day the service records it, so that a step dated after it is refused.
 */
public record CloseReturns(@TargetAggregateIdentifier String auditId, LocalDate finalSubmissionOn, String closedBy,
                           LocalDate today) {
}
