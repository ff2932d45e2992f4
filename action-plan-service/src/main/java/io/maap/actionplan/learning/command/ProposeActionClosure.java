package io.maap.actionplan.learning.command;

import io.maap.support.domain.ActorAccess;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** The owning agency proposes closing an action, with evidence of its impact; the partnership decides. */
public record ProposeActionClosure(
        @TargetAggregateIdentifier String auditId,
        String actionId,
        String evidenceOfImpact,
        String proposedBy,
        LocalDate proposedOn,
        ActorAccess actor) implements AgencyActionCommand {
}
