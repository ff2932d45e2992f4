package io.maap.auditprogramme.audit.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Record that one of the audit's other planned activities was completed. */
public record CompleteActivity(@TargetAggregateIdentifier String auditId, String activityId, LocalDate completedOn) {
}
