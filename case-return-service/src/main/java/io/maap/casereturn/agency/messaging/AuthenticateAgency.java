package io.maap.casereturn.agency.messaging;

import io.maap.events.Topics;

/**
 * The topic is the agency's proven identity: the broker lets only that agency's principal write
 * to it. A message whose source names another agency is refused.
 */
final class AuthenticateAgency implements Step<Sender, Sender> {

    @Override
    public Outcome<Sender> apply(Sender sender) {
        String authenticated = Topics.agencyOfSubmissionsTopic(sender.topic()).orElse(null);
        if (!sender.agency().equals(authenticated)) {
            return Outcome.rejected("unauthenticated-agency", "a message from " + sender.event().source()
                    + " arrived on the topic of agency '" + authenticated + "'; each agency publishes on its own topic, "
                    + Topics.agencySubmissions(sender.agency()));
        }
        return Outcome.accepted(sender);
    }
}
