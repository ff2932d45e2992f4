package io.maap.casereturn.request.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.LocalDate;

/** Give the agency until {@code newDueDate}: exceptional, so the reason and the approver are required. */
public record ExtendReturnDeadline(
        @TargetAggregateIdentifier String returnRequestId,
        LocalDate newDueDate,
        String reason,
        String approvedBy,
        Instant extendedAt) {
}
