package io.maap.notification.rules.command;

import java.time.Instant;

/** A safeguarding concern raised during an audit, as the escalation check needs it. */
public record ConcernFacts(String concernId, String auditId, String programmeId, String agency, String caseReference,
                           Instant raisedAt, boolean acknowledged) {
}
