package io.maap.auditprogramme.section11.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Close a monitored Section 11 audit with an evaluation of the process. */
public record CloseSection11Audit(@TargetAggregateIdentifier String auditId, LocalDate closedOn, String closedBy,
                                  String evaluation) {
}
