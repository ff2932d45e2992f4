package io.maap.auditprogramme.audit.query;

import io.maap.events.auditprogramme.AuditCommissioned;
import io.maap.events.auditprogramme.AuditLearningDisseminated;
import io.maap.events.auditprogramme.AuditSuccessMeasureEvaluated;
import io.maap.events.auditprogramme.AuditPlanned;
import io.maap.events.auditprogramme.DeliberateOverride;
import io.maap.events.auditprogramme.Milestone;
import io.maap.events.auditprogramme.PlannedDate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Everything known about one audit, as the read side shows it: its plan, tool and sample, the
 * lifecycle status and each milestone's planned and actual dates. Stored as JSON in the
 * service's own database and returned as is by {@code GET /api/audits/{auditId}}.
 */
public class AuditView {

    public String auditId;
    public String programmeId;
    /** {@code THEMED} or {@code SECTION_11}. */
    public String kind = "THEMED";
    public String status;
    public String title;
    public String theme;
    public List<String> businessPlanPriorities = List.of();
    public String leadOfficer;
    public String timescale;
    public List<String> keyLinesOfEnquiry = List.of();
    public List<String> gradingScale = List.of();
    public List<AuditPlanned.PlannedSample> plannedSample = List.of();
    public List<MilestoneDates> milestones = new ArrayList<>(Arrays.stream(Milestone.values())
            .map(m -> new MilestoneDates(m, null, null, null)).toList());
    public List<ActivityDates> activities = new ArrayList<>();
    public LocalDate toolSentOn;
    public LocalDate returnDeadline;
    public LocalDate reminderDate;
    public AuditCommissioned.DeadlineOverride deadlineOverride;
    /** The partnership's policy version the audit was commissioned under, with its values. */
    public AuditCommissioned.Policy policy;
    public List<AuditCommissioned.AuditQuestion> questions = List.of();
    public List<AuditCommissioned.SampledCase> cases = List.of();
    public List<String> participatingAgencies = List.of();
    public LocalDate finalSubmissionOn;
    public LocalDate challengeDayDueBy;
    public ChallengeDay challengeDay;
    public Step returnsClosed;
    public Step analysed;
    public Step reportDrafted;
    public Step signedOff;
    public Step monitoringStarted;
    public Step closed;
    public String evaluation;
    public List<Rescheduling> reschedulings = new ArrayList<>();
    /** The measures of the audit's success, each with its latest evaluation (null until evaluated). */
    public List<SuccessMeasureView> successMeasures = new ArrayList<>();
    /** Where its learning was sent, in the order recorded. */
    public List<AuditLearningDisseminated> disseminations = new ArrayList<>();
    /** Section 11 only: each agency's self-assessment steps. */
    public List<AgencySelfAssessment> selfAssessments = new ArrayList<>();
    /** Section 11 only: the presentation of the action plans to the Board. */
    public ActionPlansPresented actionPlansPresented;
    /** Section 11 only: the Board's monitoring reviews. */
    public List<Step> monitoringReviews = new ArrayList<>();

    /**
     * A milestone's planned date as it stands (with the plan's precision), the day it was actually
     * reached, and the baseline: the date the plan agreed, which scheduling and rescheduling never move.
     */
    public record MilestoneDates(Milestone milestone, PlannedDate planned, LocalDate actual, PlannedDate baseline) {
    }

    public record ActivityDates(String activityId, String description, PlannedDate startsOn, PlannedDate endsOn,
                                LocalDate completedOn) {
    }

    /** A lifecycle step taken: when and by whom. */
    public record Step(LocalDate on, String by) {
    }

    public record ChallengeDay(LocalDate scheduledOn, String chair, LocalDate agendaDueOn, LocalDate latestOn,
                               DeliberateOverride scheduleOverride, LocalDate heldOn, LocalDate agendaSentOn,
                               DeliberateOverride heldOverride) {
    }

    public record AgencySelfAssessment(String agency, LocalDate submittedOn, LocalDate challengePanelOn,
                                       String panelChair, LocalDate resubmittedOn, LocalDate actionPlanReceivedOn) {
    }

    public record ActionPlansPresented(LocalDate on, String to, List<String> missingAgencies, DeliberateOverride override) {
    }

    public record Rescheduling(Milestone milestone, PlannedDate previous, PlannedDate planned, String decidedBy,
                               String reason) {
    }

    public MilestoneDates milestone(Milestone milestone) {
        return milestones.stream().filter(m -> m.milestone() == milestone).findFirst().orElseThrow();
    }

    public void plan(Milestone milestone, PlannedDate planned) {
        milestones.replaceAll(m -> m.milestone() == milestone ? new MilestoneDates(milestone, planned, m.actual(), m.baseline()) : m);
    }

    /** The date the plan agreed: the baseline, and the current plan until it is moved. */
    public void agree(Milestone milestone, PlannedDate planned) {
        milestones.replaceAll(m -> m.milestone() == milestone ? new MilestoneDates(milestone, planned, m.actual(), planned) : m);
    }

    public void reach(Milestone milestone, LocalDate actual) {
        milestones.replaceAll(m -> m.milestone() == milestone ? new MilestoneDates(milestone, m.planned(), actual, m.baseline()) : m);
    }

    /** A success measure with its latest evaluation, null until it is evaluated. */
    public record SuccessMeasureView(String measureId, String description, AuditSuccessMeasureEvaluated evaluation) {
    }
}
