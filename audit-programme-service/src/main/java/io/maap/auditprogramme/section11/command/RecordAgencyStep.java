package io.maap.auditprogramme.section11.command;

import io.maap.events.auditprogramme.Section11AgencyStepRecorded.Step;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Record an agency's next Section 11 step: submitted, challenged at a panel, resubmitted, action plan received.
 * {@code today} is the day the service records it, so that a step dated after it is refused.
 */
public record RecordAgencyStep(@TargetAggregateIdentifier String auditId, String agency, Step step, LocalDate on,
                               String by, LocalDate today) {
}
