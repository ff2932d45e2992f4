package io.maap.auditprogramme.audit.query;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import org.springframework.data.domain.Persistable;

/**
 * The last number a programme's sequence of case references gave. Its row is locked while a
 * commissioning takes numbers, so that commissionings of one programme at once take them in turn
 * instead of colliding on the same number.
 */
@Entity
@Table(name = "case_reference_counter")
public class CaseReferenceCounter implements Persistable<String> {

    @Id
    @Column(length = 64)
    private String programmeId;
    @Column(nullable = false)
    private int lastNumber;
    /** Inserted once, never merged: two first commissionings of a programme at once collide on the key. */
    @Transient
    private boolean fresh = true;

    protected CaseReferenceCounter() {
    }

    public CaseReferenceCounter(String programmeId, int lastNumber) {
        this.programmeId = programmeId;
        this.lastNumber = lastNumber;
    }

    @Override
    public String getId() {
        return programmeId;
    }

    @Override
    public boolean isNew() {
        return fresh;
    }

    @PostLoad
    void loaded() {
        fresh = false;
    }

    public int getLastNumber() {
        return lastNumber;
    }

    /** Numbers up to {@code number} are taken (those passed over included); never moves back. */
    public void advanceTo(int number) {
        lastNumber = Math.max(lastNumber, number);
    }
}
