package io.maap.actionplan.learning.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/** Add an action to a draft plan: who owns it, who leads it, when it is due and how its impact is measured. */
public record AddAction(
        @TargetAggregateIdentifier String auditId,
        String planId,
        String actionId,
        String description,
        String owningAgency,
        String lead,
        LocalDate dueDate,
        List<String> addressesFindings,
        String successMeasure,
        LocalDate addedOn) implements PlanCommand {
}
