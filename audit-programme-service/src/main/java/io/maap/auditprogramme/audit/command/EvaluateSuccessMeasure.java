package io.maap.auditprogramme.audit.command;

import io.maap.events.auditprogramme.AuditSuccessMeasureEvaluated.Outcome;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Judge one success measure of an audit with its evidence; {@code today} is the day it is recorded. */
public record EvaluateSuccessMeasure(@TargetAggregateIdentifier String auditId, String measureId, Outcome outcome,
                                     String evidence, LocalDate evaluatedOn, String evaluatedBy, String recordedBy,
                                     LocalDate today) {
}
