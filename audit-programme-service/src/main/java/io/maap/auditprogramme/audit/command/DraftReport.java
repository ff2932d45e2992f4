package io.maap.auditprogramme.audit.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Record that the audit report has been drafted.
 * {@code today} is the day the service records it, so that a step dated after it is refused.
 */
public record DraftReport(@TargetAggregateIdentifier String auditId, LocalDate draftedOn, String draftedBy,
                          LocalDate today) {
}
