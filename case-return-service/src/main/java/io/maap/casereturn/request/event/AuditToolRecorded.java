package io.maap.casereturn.request.event;

import io.maap.events.auditprogramme.AuditCommissioned;
import io.maap.events.auditprogramme.AuditCommissioned.AuditQuestion;

import java.util.List;

/**
 * Internal event, not published: the questions the request's return must answer and the grades
 * the audit's scale allows (null when the audit named none), recorded with {@code ReturnRequested}
 * (whose published shape stays as it is) so the aggregate can check every submission against them;
 * and the partnership policy the audit was commissioned under (null when it carried none, or
 * before this field existed), whose resubmission window, nil-return meaning and calendar the
 * request keeps.
 */
public record AuditToolRecorded(String returnRequestId, List<AuditQuestion> questions, List<String> gradingScale,
                                AuditCommissioned.Policy policy) {

    public AuditToolRecorded {
        questions = List.copyOf(questions);
        gradingScale = gradingScale == null ? null : List.copyOf(gradingScale);
    }

    public AuditToolRecorded(String returnRequestId, List<AuditQuestion> questions, List<String> gradingScale) {
        this(returnRequestId, questions, gradingScale, null);
    }

    public AuditToolRecorded(String returnRequestId, List<AuditQuestion> questions) {
        this(returnRequestId, questions, null, null);
    }
}
