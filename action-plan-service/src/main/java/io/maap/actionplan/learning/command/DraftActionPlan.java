package io.maap.actionplan.learning.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Draft the audit's action plan, or one agency's plan when {@code agency} is given (Section 11). */
public record DraftActionPlan(
        @TargetAggregateIdentifier String auditId,
        String planId,
        String agency,
        String title,
        String draftedBy,
        LocalDate draftedOn) {
}
