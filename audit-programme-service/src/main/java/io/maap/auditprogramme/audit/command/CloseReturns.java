package io.maap.auditprogramme.audit.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Stop waiting for returns: {@code finalSubmissionOn} starts the 15-working-day challenge-day window. */
public record CloseReturns(@TargetAggregateIdentifier String auditId, LocalDate finalSubmissionOn, String closedBy) {
}
