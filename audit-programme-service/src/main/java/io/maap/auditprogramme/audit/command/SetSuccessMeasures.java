package io.maap.auditprogramme.audit.command;

import io.maap.events.auditprogramme.AuditSuccessMeasuresSet.SuccessMeasure;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** Set (or, before any is evaluated, replace) the measures by which an audit's success will be judged. */
public record SetSuccessMeasures(@TargetAggregateIdentifier String auditId, List<SuccessMeasure> measures, String setBy) {

    public SetSuccessMeasures {
        measures = List.copyOf(measures);
    }
}
