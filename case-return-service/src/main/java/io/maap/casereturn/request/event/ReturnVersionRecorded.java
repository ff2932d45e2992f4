package io.maap.casereturn.request.event;

import io.maap.events.Sensitive;

import java.time.Instant;
import java.util.List;

/**
 * Internal event, not published: the full content of one submitted version of a return, kept in
 * the service's event store (so every version stays readable, forever and unchanged) and never
 * relayed to Kafka, where free text about a child's case has no business. The answers and names
 * are stored encrypted with the audit's data key ({@code auditId}; ADR 0016); versions recorded
 * before the audit id was carried have none and stay as they were written.
 */
public record ReturnVersionRecorded(String returnRequestId, int version, @Sensitive String submittedBy,
                                    @Sensitive String auditor, Instant submittedAt, @Sensitive List<Answer> answers,
                                    String auditId) {

    public ReturnVersionRecorded {
        answers = List.copyOf(answers);
    }

    public ReturnVersionRecorded(String returnRequestId, int version, String submittedBy, String auditor,
                                 Instant submittedAt, List<Answer> answers) {
        this(returnRequestId, version, submittedBy, auditor, submittedAt, answers, null);
    }
}
