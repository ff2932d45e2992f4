package io.maap.actionplan.learning.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Record that the chair wrote to the agencies to recognise a good-practice finding. */
public record RecogniseGoodPractice(
        @TargetAggregateIdentifier String auditId,
        String findingId,
        String recognisedBy,
        LocalDate recognisedOn,
        String note) implements FindingCommand {
}
