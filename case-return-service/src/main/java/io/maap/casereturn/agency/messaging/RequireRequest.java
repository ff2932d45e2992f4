package io.maap.casereturn.agency.messaging;

import io.maap.casereturn.request.query.ReturnRequestViews;

/** The message must name a return request the agency was sent (by audit, case and agency). */
final class RequireRequest implements Step<Submission, Submission> {

    static final String UNKNOWN_REQUEST = "unknown-request";

    private final ReturnRequestViews requests;

    RequireRequest(ReturnRequestViews requests) {
        this.requests = requests;
    }

    @Override
    public Outcome<Submission> apply(Submission submission) {
        if (!requests.existsById(submission.returnRequestId())) {
            return Outcome.rejected(UNKNOWN_REQUEST, "no return request for audit '" + submission.payload().auditId()
                    + "', case '" + submission.payload().caseReference() + "' and agency '" + submission.payload().agency() + "'");
        }
        return Outcome.accepted(submission);
    }
}
