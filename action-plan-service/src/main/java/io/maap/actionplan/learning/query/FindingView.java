package io.maap.actionplan.learning.query;

import io.maap.events.actionplan.FindingKind;
import io.maap.events.actionplan.FindingRecorded;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.util.List;

/** One finding of an audit, and whether its good practice was recognised. */
@Entity
@Table(name = "finding_view")
public class FindingView {

    @Id
    private String id;
    private String auditId;
    private String findingId;
    private String programmeId;
    private String aspect;
    private String aspectLabel;
    @Enumerated(EnumType.STRING)
    private FindingKind kind;
    @Column(length = 2000)
    private String agencies;
    @Column(name = "evidence_references", length = 2000)
    private String references;
    @Column(length = 4000)
    private String summary;
    @Column(length = 4000)
    private String recommendation;
    private String recordedBy;
    private LocalDate recordedOn;
    private String recognisedBy;
    private LocalDate recognisedOn;

    protected FindingView() {
    }

    FindingView(FindingRecorded event) {
        this.id = event.auditId() + "/" + event.findingId();
        this.auditId = event.auditId();
        this.findingId = event.findingId();
        this.programmeId = event.programmeId();
        this.aspect = event.aspect();
        this.aspectLabel = event.aspectLabel();
        this.kind = event.kind();
        this.agencies = Lists.join(event.agencies());
        this.references = Lists.join(event.references());
        this.summary = event.summary();
        this.recommendation = event.recommendation();
        this.recordedBy = event.recordedBy();
        this.recordedOn = event.recordedOn();
    }

    void recognised(String by, LocalDate on) {
        this.recognisedBy = by;
        this.recognisedOn = on;
    }

    public String getAuditId() {
        return auditId;
    }

    public String getFindingId() {
        return findingId;
    }

    public String getProgrammeId() {
        return programmeId;
    }

    public String getAspect() {
        return aspect;
    }

    public String getAspectLabel() {
        return aspectLabel;
    }

    public FindingKind getKind() {
        return kind;
    }

    public List<String> getAgencies() {
        return Lists.split(agencies);
    }

    public List<String> getReferences() {
        return Lists.split(references);
    }

    public String getSummary() {
        return summary;
    }

    public String getRecommendation() {
        return recommendation;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public LocalDate getRecordedOn() {
        return recordedOn;
    }

    public String getRecognisedBy() {
        return recognisedBy;
    }

    public LocalDate getRecognisedOn() {
        return recognisedOn;
    }
}
