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
 * that agency's SPOC. This is the one place the mapping lives, so that it can be encrypted here.
 */
@Entity
@Table(name = "agency_case_number")
public class AgencyCaseNumber {

    @Id
    @Column(length = 64)
    private String returnRequestId;
    @Column(nullable = false, length = 40)
    private String agency;
    @Column(nullable = false, length = 64)
    private String caseNumber;
    @Column(nullable = false, length = 128)
    private String recordedBy;
    @Column(nullable = false)
    private Instant recordedAt;

    protected AgencyCaseNumber() {
    }

    public AgencyCaseNumber(String returnRequestId, String agency, String caseNumber, String recordedBy, Instant recordedAt) {
        this.returnRequestId = returnRequestId;
        this.agency = agency;
        this.caseNumber = caseNumber;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    public String getReturnRequestId() {
        return returnRequestId;
    }

    public String getAgency() {
        return agency;
    }

    public String getCaseNumber() {
        return caseNumber;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }
}
