package io.maap.auditprogramme.businessplan.command;

import io.maap.events.auditprogramme.BusinessPlanItemLinked.Kind;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Link an audit, or one of its findings or actions ({@code itemId}), to a priority of the plan. */
public record LinkToPriority(@TargetAggregateIdentifier String planId, String priorityId, Kind kind, String auditId,
                             String itemId, String linkedBy, LocalDate today) {
}
