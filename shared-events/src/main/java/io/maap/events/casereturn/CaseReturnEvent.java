package io.maap.events.casereturn;

/**
 * Events published by case-return-service on {@code maap.case-returns.events.v1}, keyed by the
 * return request. Each one names the audit, programme, case and agency it concerns, so a reader
 * can build the overdue view and the scorecard from these events alone.
 */
public sealed interface CaseReturnEvent permits ReturnRequested, ReturnAcknowledged, AuditorNominated,
        ReturnSubmitted, NilReturnSubmitted, ReturnAccepted, ReturnSentBack, ReturnReminderSent, ReturnOverdue,
        ReturnDeadlineExtended, SafeguardingConcernRaised, SafeguardingConcernAcknowledged {

    /** The return request the event belongs to; also the Kafka key. */
    String returnRequestId();

    String auditId();

    String programmeId();

    String caseReference();

    String agency();
}
