package io.maap.events;

/** Kafka topic names. They are part of the public contract: agency systems and the board feed depend on them. */
public final class Topics {

    public static final String AUDIT_PROGRAMME_EVENTS = "maap.audit-programme.events.v1";
    public static final String CASE_RETURN_EVENTS = "maap.case-returns.events.v1";
    public static final String ACTION_PLAN_EVENTS = "maap.action-plans.events.v1";
    /** What notification-service sent, failed to send, or had no one to send to. */
    public static final String NOTIFICATION_EVENTS = "maap.notifications.events.v1";
    /**
     * Agency submissions: one topic per agency, {@code maap.agency-submissions.v1.<agency-code>}.
     * Only that agency's principal may write to it (broker ACLs), so the topic a message arrives
     * on is the authenticated agency.
     */
    public static final String AGENCY_SUBMISSIONS_ADDRESS = "maap.agency-submissions.v1.{agency}";
    public static final String AGENCY_SUBMISSIONS_PREFIX = "maap.agency-submissions.v1.";
    public static final String AGENCY_SUBMISSIONS_PATTERN = "maap\\.agency-submissions\\.v1\\.[a-z][a-z0-9-]{1,39}";
    public static final String AGENCY_SUBMISSIONS_DLQ = "maap.agency-submissions.dlq.v1";
    public static final String BOARD_SCORECARD = "maap.board-scorecard.v1";
    /**
     * Each audit's data key, wrapped by the master key, keyed by audit id; compacted, and a
     * tombstone once the key is destroyed (ADR 0016). Written by case-return-service, read by the
     * services that show sensitive text (reporting-service).
     */
    public static final String AUDIT_KEYS = "maap.audit-keys.v1";
    /**
     * Agency outcomes: one topic per agency, {@code maap.agency-outcomes.v1.<agency-code>}, carrying
     * what became of that agency's returns and messages ({@link AgencyOutcomes}); only that agency's
     * principal may read it (broker ACLs). case-return-service relays them from its event topic.
     */
    public static final String AGENCY_OUTCOMES_ADDRESS = "maap.agency-outcomes.v1.{agency}";
    public static final String AGENCY_OUTCOMES_PREFIX = "maap.agency-outcomes.v1.";

    private Topics() {
    }

    /** The topic on which the agency publishes its submissions. */
    public static String agencySubmissions(String agency) {
        return AGENCY_SUBMISSIONS_PREFIX + agency;
    }

    /** The topic from which the agency reads its outcomes. */
    public static String agencyOutcomes(String agency) {
        return AGENCY_OUTCOMES_PREFIX + agency;
    }

    /** The agency whose submissions topic this is, if it is one. */
    public static java.util.Optional<String> agencyOfSubmissionsTopic(String topic) {
        return topic != null && topic.matches(AGENCY_SUBMISSIONS_PATTERN)
                ? java.util.Optional.of(topic.substring(AGENCY_SUBMISSIONS_PREFIX.length()))
                : java.util.Optional.empty();
    }

    /** The agency whose outcomes topic this is, if it is one. */
    public static java.util.Optional<String> agencyOfOutcomesTopic(String topic) {
        return topic != null && topic.startsWith(AGENCY_OUTCOMES_PREFIX)
                && topic.substring(AGENCY_OUTCOMES_PREFIX.length()).matches("[a-z][a-z0-9-]{1,39}")
                ? java.util.Optional.of(topic.substring(AGENCY_OUTCOMES_PREFIX.length()))
                : java.util.Optional.empty();
    }
}
