package io.maap.casereturn.access.web;

import io.maap.casereturn.access.query.AccessRecord;
import io.maap.casereturn.access.query.AccessRecords;
import io.maap.support.security.Caller;
import io.maap.support.security.CorrelationId;
import org.springframework.stereotype.Component;

import java.time.Clock;

/** Records each read of a return by a person, for the partnership to query (who saw which child's return). */
@Component
public class AccessLog {

    private final AccessRecords records;
    private final Clock clock;

    public AccessLog(AccessRecords records, Clock clock) {
        this.records = records;
        this.clock = clock;
    }

    public void read(String returnRequestId, String auditId, String returnAgency, AccessRecord.Subject subject) {
        Caller caller = Caller.require();
        records.save(new AccessRecord(clock.instant(), caller.userId(), caller.primaryRole().name(), caller.agency(),
                returnRequestId, auditId, returnAgency, subject, CorrelationId.current().orElse(null)));
    }
}
