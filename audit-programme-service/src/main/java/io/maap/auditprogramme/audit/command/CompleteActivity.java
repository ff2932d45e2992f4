package io.maap.auditprogramme.audit.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Record that one of the audit's other planned activities was completed.
 * {@code today} is the day the service records it, so that a step dated after it is refused.
 */
public record CompleteActivity(@TargetAggregateIdentifier String auditId, String activityId, LocalDate completedOn,
                               LocalDate today) {
}
