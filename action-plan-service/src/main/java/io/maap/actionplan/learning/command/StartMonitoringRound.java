package io.maap.actionplan.learning.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Ask the owner of every open action of an agreed plan for an update now, e.g. before a Board
 * meeting, beside the quarterly rounds that start by themselves.
 */
public record StartMonitoringRound(
        @TargetAggregateIdentifier String auditId,
        String planId,
        String roundId,
        LocalDate requestedOn,
        LocalDate updateDueBy) implements PlanCommand {
}
