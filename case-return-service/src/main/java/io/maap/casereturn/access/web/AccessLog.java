package io.maap.casereturn.access.web;

import io.maap.support.access.AccessRecords;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Records each read of a return by a person in the access records every service keeps
 * ({@link AccessRecords}, table {@code access_record}): the QA coordinator exports them as CSV and
 * asks who saw which child's return ({@code GET /api/access-records}, {@link AccessRecordController}).
 */
@Component
public class AccessLog {

    /** What of a return was read. */
    public enum Subject {
        RETURN_REQUEST("return-request"), VERSIONS("return-versions"), SAFEGUARDING_CONCERNS("safeguarding-concern");

        private final String resource;

        Subject(String resource) {
            this.resource = resource;
        }

        /** The resource type it is recorded under. */
        public String resource() {
            return resource;
        }
    }

    private final AccessRecords accessRecords;

    public AccessLog(AccessRecords accessRecords) {
        this.accessRecords = accessRecords;
    }

    public void read(String returnRequestId, Subject subject) {
        accessRecords.read(subject.resource(), List.of(returnRequestId));
    }
}
