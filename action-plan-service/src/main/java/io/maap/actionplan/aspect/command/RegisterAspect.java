package io.maap.actionplan.aspect.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Add an aspect to the partnership's taxonomy of findings. */
public record RegisterAspect(
        @TargetAggregateIdentifier String partnershipId,
        String aspect,
        String label,
        String registeredBy,
        LocalDate registeredOn) {
}
