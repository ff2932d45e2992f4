package io.maap.auditprogramme.section11.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Close a monitored Section 11 audit with an evaluation of the process.
 * {@code today} is the day the service records it, so that a step dated after it is refused.
 */
public record CloseSection11Audit(@TargetAggregateIdentifier String auditId, LocalDate closedOn, String closedBy,
                                  String evaluation, LocalDate today) {
}
