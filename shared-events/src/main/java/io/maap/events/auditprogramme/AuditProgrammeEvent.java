package io.maap.events.auditprogramme;

/**
 * Events of one audit published by audit-programme-service on {@code maap.audit-programme.events.v1};
 * programme-level events are {@link ProgrammeEvent}s on the same topic.
 */
public sealed interface AuditProgrammeEvent permits AuditPlanned, AuditCommissioned, AuditReturnsClosed,
        AuditAnalysed, ChallengeDayScheduled, ChallengeDayAgendaSent, ChallengeDayHeld, AuditReportDrafted, AuditSignedOff,
        AuditMonitoringStarted, AuditClosed, AuditMilestoneRescheduled, AuditActivityCompleted,
        Section11AuditPlanned, Section11AgencyStepRecorded, Section11ActionPlansPresented, Section11MonitoringReviewed,
        Section11AuditClosed, AuditSuccessMeasuresSet, AuditSuccessMeasureEvaluated, AuditLearningDisseminated {

    /** The audit the event belongs to; also the Kafka key. */
    String auditId();
}
