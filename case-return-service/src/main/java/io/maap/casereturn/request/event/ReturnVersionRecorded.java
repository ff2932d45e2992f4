package io.maap.casereturn.request.event;

import java.time.Instant;
import java.util.List;

/**
 * Internal event, not published: the full content of one submitted version of a return, kept in
 * the service's event store (so every version stays readable, forever and unchanged) and never
 * relayed to Kafka, where free text about a child's case has no business.
 */
public record ReturnVersionRecorded(String returnRequestId, int version, String submittedBy, String auditor,
                                    Instant submittedAt, List<Answer> answers) {

    public ReturnVersionRecorded {
        answers = List.copyOf(answers);
    }
}
