package io.maap.auditprogramme.businessplan.command;

import io.maap.events.actionplan.Rag;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Give a priority its RAG for a quarter of the plan's year, saying who rated it, when and why. */
public record RatePriority(@TargetAggregateIdentifier String planId, String priorityId, int quarter, Rag rag,
                           String reason, LocalDate ratedOn, String ratedBy, String recordedBy, LocalDate today) {
}
