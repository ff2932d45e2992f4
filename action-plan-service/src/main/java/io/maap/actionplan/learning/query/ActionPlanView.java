package io.maap.actionplan.learning.query;

import io.maap.events.actionplan.ActionPlanDrafted;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.util.List;

/** One action plan: its stage (drafted, agreed, disseminated) and its monitoring cadence. */
@Entity
@Table(name = "action_plan_view")
public class ActionPlanView {

    public enum Stage { DRAFTED, AGREED, DISSEMINATED }

    @Id
    private String id;
    private String auditId;
    private String planId;
    private String programmeId;
    private String agency;
    @Column(length = 500)
    private String title;
    private Stage stage;
    private String draftedBy;
    private LocalDate draftedOn;
    private String agreedBy;
    private LocalDate agreedOn;
    private Integer monitoringIntervalMonths;
    private LocalDate nextMonitoringRoundOn;
    @Column(length = 2000)
    private String disseminatedTo;
    private LocalDate disseminatedOn;

    protected ActionPlanView() {
    }

    ActionPlanView(ActionPlanDrafted event) {
        this.id = event.auditId() + "/" + event.planId();
        this.auditId = event.auditId();
        this.planId = event.planId();
        this.programmeId = event.programmeId();
        this.agency = event.agency();
        this.title = event.title();
        this.stage = Stage.DRAFTED;
        this.draftedBy = event.draftedBy();
        this.draftedOn = event.draftedOn();
    }

    void agreed(String by, LocalDate on, int intervalMonths) {
        this.stage = Stage.AGREED;
        this.agreedBy = by;
        this.agreedOn = on;
        this.monitoringIntervalMonths = intervalMonths;
    }

    void nextRound(LocalDate on) {
        this.nextMonitoringRoundOn = on;
    }

    void disseminated(List<String> to, LocalDate on) {
        this.stage = Stage.DISSEMINATED;
        this.disseminatedTo = Lists.join(to);
        this.disseminatedOn = on;
    }

    public String getAuditId() {
        return auditId;
    }

    public String getPlanId() {
        return planId;
    }

    public String getProgrammeId() {
        return programmeId;
    }

    public String getAgency() {
        return agency;
    }

    public String getTitle() {
        return title;
    }

    public Stage getStage() {
        return stage;
    }

    public String getDraftedBy() {
        return draftedBy;
    }

    public LocalDate getDraftedOn() {
        return draftedOn;
    }

    public String getAgreedBy() {
        return agreedBy;
    }

    public LocalDate getAgreedOn() {
        return agreedOn;
    }

    public Integer getMonitoringIntervalMonths() {
        return monitoringIntervalMonths;
    }

    public LocalDate getNextMonitoringRoundOn() {
        return nextMonitoringRoundOn;
    }

    public List<String> getDisseminatedTo() {
        return Lists.split(disseminatedTo);
    }

    public LocalDate getDisseminatedOn() {
        return disseminatedOn;
    }
}
