package io.maap.auditprogramme.audit.command;

import io.maap.events.auditprogramme.Milestone;
import io.maap.events.auditprogramme.PlannedDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Move the planned date of a milestone not yet reached, saying who decided and why. */
public record RescheduleMilestone(@TargetAggregateIdentifier String auditId, Milestone milestone, PlannedDate planned,
                                  String decidedBy, String reason) {
}
