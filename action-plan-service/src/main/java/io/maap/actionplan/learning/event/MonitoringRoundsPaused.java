package io.maap.actionplan.learning.event;

/** Internal to action-plan-service: a round fell due with no open action, so no further round is scheduled. */
public record MonitoringRoundsPaused(String auditId, String planId, int roundNumber) {
}
