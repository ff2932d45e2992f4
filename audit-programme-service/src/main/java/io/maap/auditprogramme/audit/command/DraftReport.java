package io.maap.auditprogramme.audit.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Record that the audit report has been drafted. */
public record DraftReport(@TargetAggregateIdentifier String auditId, LocalDate draftedOn, String draftedBy) {
}
