package io.maap.auditprogramme.audit.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Record that the QA group analysed the returns. */
public record RecordAnalysis(@TargetAggregateIdentifier String auditId, LocalDate analysedOn, String analysedBy) {
}
