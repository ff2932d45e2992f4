package io.maap.events.auditprogramme;

/**
 * The milestones of a themed audit, in lifecycle order. Each is reached by one lifecycle event,
 * which carries its actual date; its planned date comes from {@link AuditPlanned}, the
 * commissioning (tool sent, return deadline), a scheduled challenge day or a rescheduling.
 */
public enum Milestone {
    /** The tool and case sample are sent: the audit commences ({@link AuditCommissioned}). */
    TOOL_SENT,
    /** All returns are in; planned as the return deadline ({@link AuditReturnsClosed}). */
    RETURNS_CLOSED,
    /** The QA group has analysed the returns ({@link AuditAnalysed}). */
    ANALYSED,
    /** The challenge day, or round table ({@link ChallengeDayHeld}). */
    CHALLENGE_DAY,
    /** The audit report is drafted ({@link AuditReportDrafted}). */
    REPORT_DRAFTED,
    /** The Board / Executive signs the report off ({@link AuditSignedOff}). */
    SIGNED_OFF,
    /** Monitoring of the action plan starts ({@link AuditMonitoringStarted}). */
    MONITORING_STARTED,
    /** The audit is closed and evaluated ({@link AuditClosed}). */
    CLOSED
}
