package io.maap.auditprogramme.section11.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Record a Board meeting's review of the updated action plans.
 * {@code today} is the day the service records it, so that a step dated after it is refused.
 */
public record RecordMonitoringReview(@TargetAggregateIdentifier String auditId, LocalDate reviewedOn, String reviewedBy,
                                     LocalDate today) {
}
