package io.maap.actionplan.learning.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Record the Board's agreement of a plan; monitoring rounds then follow every {@code monitoringIntervalMonths}. */
public record AgreeActionPlan(
        @TargetAggregateIdentifier String auditId,
        String planId,
        String agreedBy,
        LocalDate agreedOn,
        int monitoringIntervalMonths) implements PlanCommand {
}
