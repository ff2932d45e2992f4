package io.maap.auditprogramme.section11.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Record a Board meeting's review of the updated action plans. */
public record RecordMonitoringReview(@TargetAggregateIdentifier String auditId, LocalDate reviewedOn, String reviewedBy) {
}
