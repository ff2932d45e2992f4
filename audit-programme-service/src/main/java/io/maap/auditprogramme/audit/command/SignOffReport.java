package io.maap.auditprogramme.audit.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Record the Board's sign-off of the audit report. */
public record SignOffReport(@TargetAggregateIdentifier String auditId, LocalDate signedOffOn, String signedOffBy) {
}
