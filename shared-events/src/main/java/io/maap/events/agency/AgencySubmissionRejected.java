package io.maap.events.agency;

import io.maap.events.Nullable;
import io.maap.events.EventType;

/**
 * An agency's message could not be applied; nothing changed. The original message is on
 * {@code maap.agency-submissions.dlq.v1} with the same reason. The agency corrects it and sends a
 * new message with a new {@code id}.
 *
 * @param messageSource the {@code source} as sent; may be null when the message had none
 * @param messageId     the {@code id} as sent; may be null when the message had none
 * @param messageType   the {@code type} as sent; empty when the message had none
 * @param code          a stable code for the reason, e.g. {@code invalid-payload}, {@code unknown-request}, {@code wrong-agency}
 * @param reason        what was wrong, for a person to act on
 */
@EventType(name = "maap.agency-submission.rejected", version = 1)
public record AgencySubmissionRejected(
        String agency,
        @Nullable String messageSource,
        @Nullable String messageId,
        String messageType,
        String code,
        String reason) implements AgencySubmissionOutcome {
}
