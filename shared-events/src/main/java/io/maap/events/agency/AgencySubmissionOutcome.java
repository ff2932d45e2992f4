package io.maap.events.agency;

/**
 * What became of a message an agency system published on {@code maap.agency-submissions.v1}.
 * Published by case-return-service on {@code maap.case-returns.events.v1}, keyed by the agency
 * code, so an agency reads its own outcomes from the partition its key maps to.
 */
public sealed interface AgencySubmissionOutcome permits AgencySubmissionAccepted, AgencySubmissionRejected {

    /** The agency code taken from the message's {@code source}; the Kafka key. */
    String agency();

    /** The {@code source} and {@code id} of the agency's message, as it sent them. */
    String messageSource();

    String messageId();
}
