package io.maap.auditprogramme.audit.query;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.UniqueConstraint;

import org.springframework.data.domain.Persistable;

import java.time.Instant;

/**
 * A case reference the partnership issued to a sampled case: the programme's sequence number it
 * took, and the audit and position in the sample it went to (so that a retried commissioning gets
 * the same references). Not an event: the reference itself travels on the audit's commissioning.
 */
@Entity
@Table(name = "issued_case_reference", uniqueConstraints = {
        @UniqueConstraint(name = "issued_case_reference_sequence", columnNames = {"programmeId", "sequenceNumber"}),
        @UniqueConstraint(name = "issued_case_reference_sample", columnNames = {"auditId", "samplePosition"})})
public class IssuedCaseReference implements Persistable<String> {

    @Id
    @Column(length = 24)
    private String caseReference;
    @Column(nullable = false, length = 64)
    private String programmeId;
    @Column(nullable = false)
    private int sequenceNumber;
    @Column(nullable = false, length = 64)
    private String auditId;
    @Column(nullable = false)
    private int samplePosition;
    @Column(nullable = false)
    private Instant issuedAt;
    /** Always inserted, never merged: a reference taken meanwhile fails the insert instead of being overwritten. */
    @Transient
    private boolean fresh = true;

    protected IssuedCaseReference() {
    }

    public IssuedCaseReference(String caseReference, String programmeId, int sequenceNumber, String auditId,
                               int samplePosition, Instant issuedAt) {
        this.caseReference = caseReference;
        this.programmeId = programmeId;
        this.sequenceNumber = sequenceNumber;
        this.auditId = auditId;
        this.samplePosition = samplePosition;
        this.issuedAt = issuedAt;
    }

    @Override
    public String getId() {
        return caseReference;
    }

    @Override
    public boolean isNew() {
        return fresh;
    }

    @PostLoad
    void loaded() {
        fresh = false;
    }

    public String getCaseReference() {
        return caseReference;
    }

    public String getProgrammeId() {
        return programmeId;
    }

    public int getSamplePosition() {
        return samplePosition;
    }

    public int getSequenceNumber() {
        return sequenceNumber;
    }

    public String getAuditId() {
        return auditId;
    }

    public Instant getIssuedAt() {
        return issuedAt;
    }
}
