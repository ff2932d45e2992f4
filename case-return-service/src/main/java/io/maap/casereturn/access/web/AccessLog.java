package io.maap.casereturn.access.web;

import io.maap.casereturn.access.query.AccessRecord;
import io.maap.casereturn.access.query.AccessRecords;
import io.maap.support.security.Caller;
import io.maap.support.security.CorrelationId;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * Records each read of a return by a person, for the partnership to query (who saw which child's
 * return), and in the access records every service keeps ({@link io.maap.support.access.AccessRecords}), which the QA
 * coordinator exports as CSV.
 */
@Component
public class AccessLog {

    private final AccessRecords records;
    private final io.maap.support.access.AccessRecords accessRecords;
    private final Clock clock;

    public AccessLog(AccessRecords records, io.maap.support.access.AccessRecords accessRecords, Clock clock) {
        this.records = records;
        this.accessRecords = accessRecords;
        this.clock = clock;
    }

    public void read(String returnRequestId, String auditId, String returnAgency, AccessRecord.Subject subject) {
        Caller caller = Caller.require();
        records.save(new AccessRecord(clock.instant(), caller.userId(), caller.primaryRole().name(), caller.agency(),
                returnRequestId, auditId, returnAgency, subject, CorrelationId.current().orElse(null)));
        accessRecords.read(switch (subject) {
            case RETURN_REQUEST -> "return-request";
            case VERSIONS -> "return-versions";
            case SAFEGUARDING_CONCERNS -> "safeguarding-concern";
        }, java.util.List.of(returnRequestId));
    }
}
