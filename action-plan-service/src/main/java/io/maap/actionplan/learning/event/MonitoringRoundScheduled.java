package io.maap.actionplan.learning.event;

import java.time.LocalDate;

/** Internal to action-plan-service: the plan's next automatic monitoring round is due on {@code roundOn}. */
public record MonitoringRoundScheduled(String auditId, String planId, int roundNumber, LocalDate roundOn) {
}
