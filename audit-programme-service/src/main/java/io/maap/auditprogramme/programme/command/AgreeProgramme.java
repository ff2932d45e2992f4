package io.maap.auditprogramme.programme.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Record a partnership's annual audit programme as agreed, by whom and when. */
public record AgreeProgramme(
        @TargetAggregateIdentifier String programmeId,
        String partnership,
        String title,
        LocalDate periodStart,
        LocalDate periodEnd,
        LocalDate agreedOn,
        String agreedBy) {
}
