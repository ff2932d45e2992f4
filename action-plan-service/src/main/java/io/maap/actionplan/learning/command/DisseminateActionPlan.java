package io.maap.actionplan.learning.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/** Record that an agreed plan was sent out to partners. */
public record DisseminateActionPlan(
        @TargetAggregateIdentifier String auditId,
        String planId,
        List<String> disseminatedTo,
        String disseminatedBy,
        LocalDate disseminatedOn) implements PlanCommand {
}
