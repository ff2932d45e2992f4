package io.maap.events;

import io.maap.events.agency.AgencySubmissionAccepted;
import io.maap.events.agency.AgencySubmissionRejected;
import io.maap.events.casereturn.ReturnAccepted;
import io.maap.events.casereturn.ReturnDeadlineExtended;
import io.maap.events.casereturn.ReturnOverdue;
import io.maap.events.casereturn.ReturnReminderSent;
import io.maap.events.casereturn.ReturnRequested;
import io.maap.events.casereturn.ReturnSentBack;
import io.maap.events.casereturn.SafeguardingConcernRaised;

import java.util.List;

/**
 * What an agency reads on its own outcomes topic ({@link Topics#agencyOutcomes(String)}): the
 * events of {@link Topics#CASE_RETURN_EVENTS} that tell it something it must act on or know about
 * its returns (asked for, extended, reminded, overdue, accepted, sent back, a safeguarding concern
 * to acknowledge) and what became of each message it sent. Each is relayed unchanged (same key,
 * CloudEvents headers and payload) to the topic of the agency its {@code agency} field names.
 * What the agency did itself (its acknowledgements and submissions) is not echoed back.
 */
public final class AgencyOutcomes {

    public static final List<Class<? extends Record>> PAYLOADS = List.of(
            ReturnRequested.class,
            ReturnDeadlineExtended.class,
            ReturnReminderSent.class,
            ReturnOverdue.class,
            ReturnAccepted.class,
            ReturnSentBack.class,
            SafeguardingConcernRaised.class,
            AgencySubmissionAccepted.class,
            AgencySubmissionRejected.class);

    private AgencyOutcomes() {
    }

    /** Whether events of this payload type are relayed to the agency's outcomes topic. */
    public static boolean relayed(Class<?> payloadType) {
        return PAYLOADS.contains(payloadType);
    }
}
