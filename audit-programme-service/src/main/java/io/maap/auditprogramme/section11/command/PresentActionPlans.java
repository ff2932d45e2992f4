package io.maap.auditprogramme.section11.command;

import io.maap.events.auditprogramme.DeliberateOverride;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Present the agencies' action plans to the Board; {@code override} explains going ahead with plans missing.
 * {@code today} is the day the service records it, so that a step dated after it is refused.
 */
public record PresentActionPlans(@TargetAggregateIdentifier String auditId, LocalDate presentedOn, String presentedTo,
                                 DeliberateOverride override, LocalDate today) {
}
