package io.maap.casereturn.agency.messaging;

import io.maap.casereturn.request.command.RequestReturn;
import io.maap.events.agency.AgencySubmission;

/** A valid message from an authenticated agency, for the return request it names. */
record Submission(InboundCloudEvent event, String agency, AgencySubmission payload) {

    String returnRequestId() {
        return RequestReturn.idFor(payload.auditId(), payload.caseReference(), payload.agency());
    }
}
