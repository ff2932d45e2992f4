package io.maap.actionplan.learning.command;

import io.maap.support.domain.BoardDecision;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Record the Board's agreement of a plan, as the Board's ({@code board}: by a Board member, or by the QA
 * coordinator naming the meeting); monitoring rounds then follow every {@code monitoringIntervalMonths}.
 */
public record AgreeActionPlan(
        @TargetAggregateIdentifier String auditId,
        String planId,
        String agreedBy,
        LocalDate agreedOn,
        int monitoringIntervalMonths,
        BoardDecision board) implements PlanCommand {

    /** Recorded by a Board member. */
    public AgreeActionPlan(String auditId, String planId, String agreedBy, LocalDate agreedOn, int monitoringIntervalMonths) {
        this(auditId, planId, agreedBy, agreedOn, monitoringIntervalMonths, new BoardDecision(true, null));
    }
}
