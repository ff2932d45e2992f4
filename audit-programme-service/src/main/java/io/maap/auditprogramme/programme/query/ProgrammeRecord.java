package io.maap.auditprogramme.programme.query;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;

/** One row per agreed programme in the query table. */
@Entity
@Table(name = "programme_view")
public class ProgrammeRecord {

    @Id
    private String programmeId;
    private String partnership;
    private String title;
    private LocalDate periodStart;
    private LocalDate periodEnd;
    private LocalDate agreedOn;
    private String agreedBy;

    protected ProgrammeRecord() {
    }

    ProgrammeRecord(String programmeId, String partnership, String title, LocalDate periodStart, LocalDate periodEnd,
                    LocalDate agreedOn, String agreedBy) {
        this.programmeId = programmeId;
        this.partnership = partnership;
        this.title = title;
        this.periodStart = periodStart;
        this.periodEnd = periodEnd;
        this.agreedOn = agreedOn;
        this.agreedBy = agreedBy;
    }

    public String programmeId() {
        return programmeId;
    }

    public String partnership() {
        return partnership;
    }

    public String title() {
        return title;
    }

    public LocalDate periodStart() {
        return periodStart;
    }

    public LocalDate periodEnd() {
        return periodEnd;
    }

    public LocalDate agreedOn() {
        return agreedOn;
    }

    public String agreedBy() {
        return agreedBy;
    }
}
