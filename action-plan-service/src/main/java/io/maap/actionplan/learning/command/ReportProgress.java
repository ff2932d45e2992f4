package io.maap.actionplan.learning.command;

import io.maap.events.actionplan.Rag;
import io.maap.support.domain.ActorAccess;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Report an open action's progress, as a new record beside the earlier ones. */
public record ReportProgress(
        @TargetAggregateIdentifier String auditId,
        String actionId,
        String updateId,
        Rag rag,
        String note,
        String reportedBy,
        LocalDate reportedOn,
        ActorAccess actor) implements AgencyActionCommand {
}
