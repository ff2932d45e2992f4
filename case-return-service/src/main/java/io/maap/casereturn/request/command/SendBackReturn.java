package io.maap.casereturn.request.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/** The partnership sends the version it quality-assured back to the agency, saying why. */
public record SendBackReturn(
        @TargetAggregateIdentifier String returnRequestId,
        int version,
        List<String> reasons,
        String sentBackBy,
        Instant sentBackAt) {

    public SendBackReturn {
        reasons = List.copyOf(reasons);
    }
}
