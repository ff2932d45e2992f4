package io.maap.casereturn.request.command;

import io.maap.events.casereturn.ReturnRequested;
import io.maap.events.casereturn.SafeguardingConcernAcknowledged;
import io.maap.events.casereturn.SafeguardingConcernRaised;
import io.maap.support.domain.RuleViolation;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.EntityId;

import java.util.Objects;
import java.util.List;
import java.util.Optional;

/**
 * One safeguarding concern raised on the request: raised once under its id (a client's retry
 * reuses the id), acknowledged once by the agency with its response.
 */
class SafeguardingConcern {

    @EntityId
    private final String concernId;
    private final String summary;
    private boolean acknowledged;

    SafeguardingConcern(String concernId, String summary) {
        this.concernId = concernId;
        this.summary = summary;
    }

    /** Raising a concern under an id already known is a retry if the summary is the same, else a conflict. */
    static Optional<SafeguardingConcernRaised> raise(ReturnRequested request, SafeguardingConcern known,
                                                     RaiseSafeguardingConcern command) {
        String summary = Required.text(command.summary(), "what the concern is");
        if (known != null) {
            if (known.summary.equals(summary)) {
                return Optional.empty();
            }
            throw new RuleViolation("concern-id-taken", "Concern '" + command.concernId() + "' was raised with another summary.");
        }
        List<String> others = command.agenciesToInform().stream().distinct().toList();
        if (others.contains(request.agency())) {
            throw new RuleViolation("concern-own-agency", "The concern goes to " + request.agency()
                    + " in any case; name only the other agencies to be told.");
        }
        return Optional.of(new SafeguardingConcernRaised(request.returnRequestId(), request.auditId(), request.programmeId(),
                request.caseReference(), request.agency(), command.concernId(),
                Required.text(command.raisedBy(), "who raised the concern"), command.raisedAt(), summary,
                command.category(), others.isEmpty() ? null : others));
    }

    Optional<SafeguardingConcernAcknowledged> acknowledge(ReturnRequested request, AcknowledgeSafeguardingConcern command) {
        if (acknowledged) {
            return Optional.empty();
        }
        return Optional.of(new SafeguardingConcernAcknowledged(request.returnRequestId(), request.auditId(),
                request.programmeId(), request.caseReference(), request.agency(), concernId,
                Required.text(command.acknowledgedBy(), "who acknowledged the concern"), command.acknowledgedAt(),
                Required.text(command.response(), "the agency's response")));
    }

    @EventSourcingHandler
    void on(SafeguardingConcernAcknowledged event) {
        acknowledged = true;
    }

    /** By value, so that Axon's test fixture can compare the aggregate's state after a command with its replay. */
    @Override
    public boolean equals(Object other) {
        return other instanceof SafeguardingConcern that && concernId.equals(that.concernId)
                && summary.equals(that.summary) && acknowledged == that.acknowledged;
    }

    @Override
    public int hashCode() {
        return Objects.hash(concernId, summary, acknowledged);
    }
}
