package io.maap.auditprogramme.audit.query;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The last number a programme's sequence of case references gave. Its row is locked while a
 * commissioning takes numbers, so that commissionings of one programme at once take them in turn
 * instead of colliding on the same number. Its row is created by
 * {@link CaseReferenceCounters#create}, and only loaded and updated here.
 */
@Entity
@Table(name = "case_reference_counter")
public class CaseReferenceCounter {

    @Id
    @Column(length = 64)
    private String programmeId;
    @Column(nullable = false)
    private int lastNumber;

    protected CaseReferenceCounter() {
    }

    /** A counter as its row holds it (the row itself is inserted by {@link CaseReferenceCounters#create}). */
    public CaseReferenceCounter(String programmeId, int lastNumber) {
        this.programmeId = programmeId;
        this.lastNumber = lastNumber;
    }

    public String getProgrammeId() {
        return programmeId;
    }

    public int getLastNumber() {
        return lastNumber;
    }

    /** Numbers up to {@code number} are taken (those passed over included); never moves back. */
    public void advanceTo(int number) {
        lastNumber = Math.max(lastNumber, number);
    }
}
