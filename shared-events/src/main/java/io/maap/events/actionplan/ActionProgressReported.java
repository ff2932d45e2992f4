package io.maap.events.actionplan;

import io.maap.events.Nullable;
import io.maap.events.EventType;

import java.time.LocalDate;

/**
 * The owner of an open action reported its progress. Each report is a new record: earlier
 * reports are never changed, so the history stays reportable. Sent once per report.
 *
 * @param updateId     the report's identifier
 * @param actionId     the action
 * @param planId       the plan it belongs to
 * @param auditId      the audit; also the Kafka key
 * @param programmeId  the programme the audit belongs to
 * @param owningAgency the agency that owns the action
 * @param rag          RED off track, AMBER at risk, GREEN on track
 * @param note         what has been done and what is next
 * @param reportedBy   who reported
 * @param reportedOn   the day of the report (Europe/London)
 * @param roundId      the monitoring round the report answers; null when it was not asked for
 */
@EventType(name = "maap.action.progress-reported", version = 1)
public record ActionProgressReported(
        String updateId,
        String actionId,
        String planId,
        String auditId,
        String programmeId,
        String owningAgency,
        Rag rag,
        String note,
        String reportedBy,
        LocalDate reportedOn,
        @Nullable String roundId) implements ActionPlanEvent {
}
