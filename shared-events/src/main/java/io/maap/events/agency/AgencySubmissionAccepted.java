package io.maap.events.agency;

import io.maap.events.EventType;

/**
 * An agency's message was valid and has been applied, once: the return, nil return or
 * acknowledgement it carried is now on record. Sent once per agency message ({@code source} + {@code id}).
 *
 * @param messageType     the CloudEvents type of the agency's message
 * @param returnRequestId the return request it was applied to
 */
@EventType(name = "maap.agency-submission.accepted", version = 1)
public record AgencySubmissionAccepted(
        String agency,
        String messageSource,
        String messageId,
        String messageType,
        String returnRequestId) implements AgencySubmissionOutcome {
}
