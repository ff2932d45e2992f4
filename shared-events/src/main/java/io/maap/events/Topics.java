package io.maap.events;

/** Kafka topic names. They are part of the public contract: agency systems and the board feed depend on them. */
public final class Topics {

    public static final String AUDIT_PROGRAMME_EVENTS = "maap.audit-programme.events.v1";
    public static final String CASE_RETURN_EVENTS = "maap.case-returns.events.v1";
    public static final String ACTION_PLAN_EVENTS = "maap.action-plans.events.v1";
    public static final String AGENCY_SUBMISSIONS = "maap.agency-submissions.v1";
    public static final String AGENCY_SUBMISSIONS_DLQ = "maap.agency-submissions.dlq.v1";
    public static final String BOARD_SCORECARD = "maap.board-scorecard.v1";

    private Topics() {
    }
}
