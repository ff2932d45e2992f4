package io.maap.actionplan.learning.query;

import io.maap.events.actionplan.ActionAdded;
import io.maap.events.actionplan.Rag;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.util.List;

/** One action as it stands now; its history is in {@link ActionHistoryEntry}. */
@Entity
@Table(name = "action_view")
public class ActionView {

    public enum Status { OPEN, CLOSED }

    @Id
    private String id;
    private String auditId;
    private String actionId;
    private String planId;
    private String programmeId;
    @Column(length = 4000)
    private String description;
    private String owningAgency;
    @Column(name = "action_lead")
    private String lead;
    private LocalDate dueDate;
    @Column(length = 2000)
    private String addressesFindings;
    @Column(length = 4000)
    private String successMeasure;
    @Enumerated(EnumType.STRING)
    private Status status;
    @Enumerated(EnumType.STRING)
    private Rag latestRag;
    private LocalDate latestUpdateOn;
    private boolean overdue;
    private String awaitingUpdateForRound;
    private int missedUpdates;
    @Column(length = 4000)
    private String evidenceOfImpact;
    private LocalDate closedOn;

    protected ActionView() {
    }

    ActionView(ActionAdded event) {
        this.id = event.auditId() + "/" + event.actionId();
        this.auditId = event.auditId();
        this.actionId = event.actionId();
        this.planId = event.planId();
        this.programmeId = event.programmeId();
        this.description = event.description();
        this.owningAgency = event.owningAgency();
        this.lead = event.lead();
        this.dueDate = event.dueDate();
        this.addressesFindings = Lists.join(event.addressesFindings());
        this.successMeasure = event.successMeasure();
        this.status = Status.OPEN;
    }

    void progress(Rag rag, LocalDate on, String answersRound) {
        if (latestUpdateOn == null || !on.isBefore(latestUpdateOn)) {
            this.latestRag = rag;
            this.latestUpdateOn = on;
        }
        if (answersRound != null) {
            this.awaitingUpdateForRound = null;
        }
    }

    void updateRequested(String roundId) {
        this.awaitingUpdateForRound = roundId;
    }

    void updateMissed() {
        this.awaitingUpdateForRound = null;
        this.missedUpdates++;
    }

    void overdue() {
        this.overdue = true;
    }

    void closed(String evidence, LocalDate on) {
        this.status = Status.CLOSED;
        this.evidenceOfImpact = evidence;
        this.closedOn = on;
        this.awaitingUpdateForRound = null;
    }

    void reopened() {
        this.status = Status.OPEN;
        this.evidenceOfImpact = null;
        this.closedOn = null;
    }

    public String getAuditId() {
        return auditId;
    }

    public String getActionId() {
        return actionId;
    }

    public String getPlanId() {
        return planId;
    }

    public String getProgrammeId() {
        return programmeId;
    }

    public String getDescription() {
        return description;
    }

    public String getOwningAgency() {
        return owningAgency;
    }

    public String getLead() {
        return lead;
    }

    public LocalDate getDueDate() {
        return dueDate;
    }

    public List<String> getAddressesFindings() {
        return Lists.split(addressesFindings);
    }

    public String getSuccessMeasure() {
        return successMeasure;
    }

    public Status getStatus() {
        return status;
    }

    public Rag getLatestRag() {
        return latestRag;
    }

    public LocalDate getLatestUpdateOn() {
        return latestUpdateOn;
    }

    public boolean isOverdue() {
        return overdue;
    }

    public String getAwaitingUpdateForRound() {
        return awaitingUpdateForRound;
    }

    public int getMissedUpdates() {
        return missedUpdates;
    }

    public String getEvidenceOfImpact() {
        return evidenceOfImpact;
    }

    public LocalDate getClosedOn() {
        return closedOn;
    }
}
