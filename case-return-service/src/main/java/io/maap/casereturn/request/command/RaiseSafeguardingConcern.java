package io.maap.casereturn.request.command;

import io.maap.support.domain.ActorAccess;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import io.maap.events.casereturn.SafeguardingConcernCategory;

import java.time.Instant;
import java.util.List;

/**
 * An auditor escalates an immediate safeguarding concern found while auditing the case, saying
 * (optionally) whether it concerns a child, a vulnerable adult or unsafe practice, and which other
 * agencies are to be told.
 */
public record RaiseSafeguardingConcern(
        @TargetAggregateIdentifier String returnRequestId,
        String concernId,
        String raisedBy,
        Instant raisedAt,
        String summary,
        SafeguardingConcernCategory category,
        List<String> agenciesToInform,
        ActorAccess actor) implements AgencyCommand {

    public RaiseSafeguardingConcern {
        agenciesToInform = agenciesToInform == null ? List.of() : List.copyOf(agenciesToInform);
    }

    public RaiseSafeguardingConcern(String returnRequestId, String concernId, String raisedBy, Instant raisedAt,
                                    String summary, ActorAccess actor) {
        this(returnRequestId, concernId, raisedBy, raisedAt, summary, null, List.of(), actor);
    }
}
