package io.maap.events.agency;

/**
 * What an agency system may publish on {@code maap.agency-submissions.v1}, as the {@code data} of a
 * CloudEvent whose {@code source} is {@code urn:maap:agency:<agency-code>}. Each message names the
 * audit, case and agency of the return request it concerns; the agency must be the one the
 * {@code source} names. case-return-service answers every message with an
 * {@link AgencySubmissionOutcome} keyed by the agency code.
 */
public sealed interface AgencySubmission permits AgencyReturnSubmitted, AgencyNilReturnSubmitted,
        AgencyRequestAcknowledged, AgencyConcernAcknowledged {

    String auditId();

    String caseReference();

    String agency();

    /** Formats the partnership issues; the same ones the REST API accepts. */
    final class Formats {

        public static final String AGENCY = "^[a-z][a-z0-9-]{1,39}$";
        /** Issued by the partnership when cases are sampled, e.g. {@code RBR-1704-N03}; never a name. */
        public static final String CASE_REFERENCE = "^[A-Z]{2,6}-[0-9]{4}-[A-Z][0-9]{2,4}$";
        public static final String ID = "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$";

        private Formats() {
        }
    }
}
