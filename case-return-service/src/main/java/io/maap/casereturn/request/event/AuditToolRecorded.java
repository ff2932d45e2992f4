package io.maap.casereturn.request.event;

import io.maap.events.auditprogramme.AuditCommissioned.AuditQuestion;

import java.util.List;

/**
 * Internal event, not published: the questions the request's return must answer, recorded with
 * {@code ReturnRequested} (whose published shape stays as it is) so the aggregate can check
 * every submission against them.
 */
public record AuditToolRecorded(String returnRequestId, List<AuditQuestion> questions) {

    public AuditToolRecorded {
        questions = List.copyOf(questions);
    }
}
