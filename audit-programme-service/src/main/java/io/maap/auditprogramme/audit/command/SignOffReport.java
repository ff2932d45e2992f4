package io.maap.auditprogramme.audit.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Record the Board's sign-off of the audit report.
 * {@code today} is the day the service records it, so that a step dated after it is refused.
 */
public record SignOffReport(@TargetAggregateIdentifier String auditId, LocalDate signedOffOn, String signedOffBy,
                            LocalDate today) {
}
