package io.maap.actionplan.learning.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** Record that an audit was commissioned, so that findings and actions can be held against it. */
public record RegisterAudit(
        @TargetAggregateIdentifier String auditId,
        String programmeId,
        String title,
        String theme,
        List<String> participatingAgencies) {
}
