package io.maap.auditprogramme.audit.command;

import io.maap.support.domain.BoardDecision;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Record the Board's sign-off of the audit report, as the Board's decision ({@code board}: by a Board
 * member, or by the QA coordinator naming the meeting).
 * {@code today} is the day the service records it, so that a step dated after it is refused.
 */
public record SignOffReport(@TargetAggregateIdentifier String auditId, LocalDate signedOffOn, String signedOffBy,
                            LocalDate today, BoardDecision board) {

    /** Recorded by a Board member. */
    public SignOffReport(String auditId, LocalDate signedOffOn, String signedOffBy, LocalDate today) {
        this(auditId, signedOffOn, signedOffBy, today, new BoardDecision(true, null));
    }
}
