package io.maap.casereturn.casenumber.query;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * An agency's own number for the case of one of its return requests, as its SPOC keeps it: the
 * link from the partnership's pseudonymised reference back to the agency's records. Held apart
 * from the returns (this table only; never in an event, on a topic or in a log) and shown only to
 * that agency's SPOC. This is the one place the mapping lives, and it is sealed here: the column
 * holds {@code maap-sealed:v1:<auditId>:...} under the audit's data key ({@link CaseNumberSeal}).
 */
@Entity
@Table(name = "agency_case_number")
public class AgencyCaseNumber {

    @Id
    @Column(length = 64)
    private String returnRequestId;
    @Column(nullable = false, length = 40)
    private String agency;
    /** Sealed by {@link CaseNumberSeal}; never the number in clear. */
    @Column(nullable = false, length = 1024)
    private String caseNumber;
    @Column(nullable = false, length = 128)
    private String recordedBy;
    @Column(nullable = false)
    private Instant recordedAt;

    protected AgencyCaseNumber() {
    }

    public AgencyCaseNumber(String returnRequestId, String agency, String sealedCaseNumber, String recordedBy,
                            Instant recordedAt) {
        this.returnRequestId = returnRequestId;
        this.agency = agency;
        this.caseNumber = sealedCaseNumber;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    public String getReturnRequestId() {
        return returnRequestId;
    }

    public String getAgency() {
        return agency;
    }

    /** The sealed form: open it with {@link CaseNumberSeal#open}. */
    public String getSealedCaseNumber() {
        return caseNumber;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }
}
