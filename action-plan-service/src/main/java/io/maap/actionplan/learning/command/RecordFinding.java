package io.maap.actionplan.learning.command;

import io.maap.events.actionplan.FindingKind;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/** Record what the challenge day found: good practice or an area for improvement, under one aspect. */
public record RecordFinding(
        @TargetAggregateIdentifier String auditId,
        String findingId,
        String aspect,
        FindingKind kind,
        List<String> agencies,
        List<String> references,
        String summary,
        String recommendation,
        String recordedBy,
        LocalDate recordedOn) {
}
