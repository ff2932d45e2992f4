package io.maap.reporting.businessplan;

import io.maap.events.actionplan.ActionAdded;
import io.maap.events.actionplan.ActionClosed;
import io.maap.events.actionplan.FindingKind;
import io.maap.events.actionplan.FindingRecorded;
import io.maap.events.actionplan.Rag;
import io.maap.events.auditprogramme.AuditLearningDisseminated;
import io.maap.events.auditprogramme.AuditLearningDisseminated.Channel;
import io.maap.events.auditprogramme.AuditSuccessMeasureEvaluated;
import io.maap.events.auditprogramme.AuditSuccessMeasureEvaluated.Outcome;
import io.maap.events.auditprogramme.AuditSuccessMeasuresSet;
import io.maap.events.auditprogramme.AuditSuccessMeasuresSet.SuccessMeasure;
import io.maap.events.auditprogramme.BusinessPlanAdopted;
import io.maap.events.auditprogramme.BusinessPlanAdopted.PlanAction;
import io.maap.events.auditprogramme.BusinessPlanAdopted.Priority;
import io.maap.events.auditprogramme.BusinessPlanItemLinked;
import io.maap.events.auditprogramme.BusinessPlanItemLinked.Kind;
import io.maap.events.auditprogramme.BusinessPlanPriorityRated;
import io.maap.reporting.ProjectionTestSupport;
import io.maap.reporting.audits.query.AuditsProjection;
import io.maap.reporting.businessplan.query.AuditLearningViews;
import io.maap.reporting.businessplan.query.BusinessPlanProjection;
import io.maap.reporting.businessplan.query.BusinessPlanViews;
import io.maap.reporting.learning.query.LearningProjection;
import io.maap.reporting.projection.query.ProjectionStore;
import io.maap.reporting.projection.query.ViewStores;
import io.maap.support.calendar.Lateness;
import io.maap.support.calendar.WorkingDayCalendar;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static io.maap.reporting.ProjectionTestSupport.event;
import static java.time.LocalDate.of;
import static org.assertj.core.api.Assertions.assertThat;

/** The business plan, its scorecard by priority, the audits' success measures and dissemination, and training needs. */
class BusinessPlanProjectionTest {

    private static final String PLAN = "redbridge-bp-2014-15";
    private static final String P = "redbridge-2017-18";
    private static final String MISSING = "rbr-2017-missing";
    private static final String NEGLECT = "rbr-2017-neglect";
    private static final LocalDate TODAY = of(2018, 6, 30);

    private final BusinessPlanProjection projection = new BusinessPlanProjection();
    private final LearningProjection learning = new LearningProjection();
    private final BusinessPlanViews plans = new BusinessPlanViews(new Lateness(WorkingDayCalendar.englandAndWales()));
    private final AuditLearningViews audits = new AuditLearningViews();
    private ProjectionStore store;

    @BeforeEach
    void setUp() {
        store = ProjectionTestSupport.newStore();
        store.mongo().insert(List.of(
                new Document("_id", MISSING).append("programmeId", P).append("title", "Children who go missing")
                        .append("theme", "Children who go missing").append("stage", "MONITORING"),
                new Document("_id", NEGLECT).append("programmeId", P).append("title", "Neglect")
                        .append("theme", "Neglect").append("stage", "CLOSED")), store.collection(AuditsProjection.AUDITS));
    }

    private ViewStores.View live() {
        return new ViewStores.View(store, TODAY, null);
    }

    private static BusinessPlanAdopted adopted() {
        return new BusinessPlanAdopted(PLAN, "Redbridge LSCB", "LSCB Business Plan 2014/15", of(2014, 4, 1), of(2015, 3, 31),
                of(2014, 3, 26), "LSCB Board", "qa.manager", List.of(
                new Priority("2.2", "Safe", "CSE and missing children", List.of(
                        new PlanAction("2.2.1", "2.2.1", "Finalise the CSE strategy", "Chair of CSE Sub Group", null,
                                "Staff familiar with the strategy", "June 2014"))),
                new Priority("2.5", "Safe", "Neglect", List.of())));
    }

    private static BusinessPlanPriorityRated rated(int quarter, Rag rag, String reason, LocalDate on) {
        return new BusinessPlanPriorityRated(PLAN, "2.2", quarter, rag, reason, on, "LSCB Executive", "board.member");
    }

    @Test
    void everyRatingIsKeptAndTheCurrentRagIsTheLatestOfTheLatestQuarter() {
        projection.apply(event(adopted(), 0), store);
        projection.apply(event(rated(1, Rag.RED, "Strategy not started", of(2014, 6, 20)), 1), store);
        projection.apply(event(rated(2, Rag.AMBER, "Drafted", of(2014, 7, 15)), 2), store);
        projection.apply(event(rated(2, Rag.GREEN, "Presented to the Board", of(2014, 9, 10)), 3), store);
        projection.apply(event(rated(2, Rag.GREEN, "Presented to the Board", of(2014, 9, 10)), 3), store);

        BusinessPlanViews.PriorityView cse = plans.plan(live(), PLAN).orElseThrow().priorities().get(0);
        assertThat(cse.currentRag()).isEqualTo("GREEN");
        assertThat(cse.currentQuarter()).isEqualTo(2);
        assertThat(cse.history()).extracting(BusinessPlanViews.Rating::reason)
                .containsExactly("Strategy not started", "Drafted", "Presented to the Board");
        assertThat(cse.history().get(0).ratedBy()).isEqualTo("LSCB Executive");
        assertThat(cse.history().get(0).recordedBy()).isEqualTo("board.member");
        assertThat(cse.actions().get(0).lead()).isEqualTo("Chair of CSE Sub Group");

        BusinessPlanViews.PriorityView then = plans.plan(new ViewStores.View(store, of(2014, 8, 1), null, of(2014, 8, 1)), PLAN)
                .orElseThrow().priorities().get(0);
        assertThat(then.currentRag()).as("as of 1 August 2014").isEqualTo("AMBER");
        assertThat(plans.plan(new ViewStores.View(store, of(2014, 3, 1), null, of(2014, 3, 1)), PLAN)).as("before adoption").isEmpty();
    }

    @Test
    void theScorecardByPriorityCountsTheLinkedAuditsFindingsAndActions() {
        projection.apply(event(adopted(), 0), store);
        projection.apply(event(rated(1, Rag.RED, "Not started", of(2014, 6, 20)), 1), store);
        projection.apply(event(new BusinessPlanItemLinked(PLAN, "2.2", Kind.AUDIT, MISSING, null, of(2017, 7, 1), "qa"), 2), store);
        projection.apply(event(new BusinessPlanItemLinked(PLAN, "2.2", Kind.FINDING, MISSING, "f1", of(2017, 9, 1), "qa"), 3), store);
        projection.apply(event(new BusinessPlanItemLinked(PLAN, "2.2", Kind.ACTION, MISSING, "a1", of(2017, 9, 21), "qa"), 4), store);
        projection.apply(event(new BusinessPlanItemLinked(PLAN, "2.2", Kind.ACTION, MISSING, "a2", of(2017, 9, 21), "qa"), 5), store);
        learning.apply(event(new FindingRecorded("f1", MISSING, P, "voice-of-the-child", "Voice of the child",
                FindingKind.AREA_FOR_IMPROVEMENT, List.of("met-police"), List.of(), "Wishes not recorded", "Record wishes", "qa", of(2017, 8, 30)), 0), store);
        learning.apply(event(new ActionAdded("a1", "plan", MISSING, P, "Record wishes", "met-police", "DI", of(2017, 12, 1),
                List.of("f1"), "90% of files", of(2017, 9, 20)), 0), store);
        learning.apply(event(new ActionAdded("a2", "plan", MISSING, P, "Train staff", "nelft", "Nurse", of(2018, 9, 1),
                List.of("f1"), "All staff trained", of(2017, 9, 20)), 0), store);
        learning.apply(event(new ActionClosed("a2", "plan", MISSING, P, "nelft", "Trained", "QA", of(2018, 3, 1), of(2018, 9, 1), null), 1), store);

        BusinessPlanViews.PriorityScore cse = plans.scorecard(live(), PLAN).orElseThrow().priorities().get(0);
        assertThat(cse.ragByQuarter()).containsEntry("Q1", "RED").containsEntry("Q2", null);
        assertThat(cse.audits()).containsExactly(new BusinessPlanViews.LinkedAudit(MISSING, "Children who go missing", "MONITORING"));
        assertThat(cse.areasForImprovement()).isEqualTo(1);
        assertThat(cse.actionsOpen()).isEqualTo(1);
        assertThat(cse.actionsOverdue()).as("due 1 December 2017, open on 30 June 2018").isEqualTo(1);
        assertThat(cse.actionsClosed()).isEqualTo(1);
        assertThat(cse.planActions()).isEqualTo(1);

        BusinessPlanViews.PriorityScore neglect = plans.scorecard(live(), PLAN).orElseThrow().priorities().get(1);
        assertThat(neglect.audits()).isEmpty();
        assertThat(neglect.currentRag()).isNull();

        BusinessPlanViews.PriorityScore asOf = plans.scorecard(new ViewStores.View(store, of(2017, 9, 1), null, of(2017, 9, 1)), PLAN)
                .orElseThrow().priorities().get(0);
        assertThat(asOf.actionsOpen()).as("the actions were linked on 21 September").isZero();
        assertThat(asOf.areasForImprovement()).isEqualTo(1);
    }

    @Test
    void anAuditShowsItsMeasuresWithTheLatestEvaluationAndWhereItsLearningWent() {
        projection.apply(event(new AuditSuccessMeasuresSet(NEGLECT, P, List.of(new SuccessMeasure("follow-up", "Follow up actions"),
                new SuccessMeasure("briefings", "Multi-Agency Briefings")), "qa"), 1), store);
        projection.apply(event(new AuditSuccessMeasureEvaluated(NEGLECT, P, "briefings", Outcome.NOT_MET, "No briefing yet",
                of(2017, 10, 1), "QA Sub-Group", "qa"), 9), store);
        projection.apply(event(new AuditSuccessMeasureEvaluated(NEGLECT, P, "briefings", Outcome.MET, "Briefed 64 staff",
                of(2017, 11, 1), "QA Sub-Group", "qa"), 10), store);
        projection.apply(event(new AuditLearningDisseminated(NEGLECT, P, "newsletter-1", Channel.NEWSLETTER, "Key learning",
                "Newsletter readers", of(2017, 10, 2), "qa"), 11), store);
        projection.apply(event(new AuditLearningDisseminated(NEGLECT, P, "newsletter-1", Channel.NEWSLETTER, "Key learning",
                "Newsletter readers", of(2017, 10, 2), "qa"), 11), store);

        AuditLearningViews.AuditLearning neglect = audits.audits(live(), P, NEGLECT).get(0);
        assertThat(neglect.successMeasures()).extracting(AuditLearningViews.Measure::outcome).containsExactly(null, "MET");
        assertThat(neglect.successMeasures().get(1).evidence()).isEqualTo("Briefed 64 staff");
        assertThat(neglect.unevaluated()).isEqualTo(1);
        assertThat(neglect.disseminations()).hasSize(1);
        assertThat(neglect.channels()).containsExactly("NEWSLETTER");

        AuditLearningViews.AuditLearning then = audits.audits(new ViewStores.View(store, of(2017, 10, 15), null, of(2017, 10, 15)),
                P, NEGLECT).get(0);
        assertThat(then.successMeasures().get(1).outcome()).isEqualTo("NOT_MET");
        assertThat(audits.audits(live(), P, null)).extracting(AuditLearningViews.AuditLearning::auditId)
                .containsExactly(MISSING, NEGLECT);
    }

    @Test
    void anAreaForImprovementFoundInTwoAuditsIsATrainingNeedSayingWhichLearningReachedTrainingProviders() {
        learning.apply(event(new FindingRecorded("f1", MISSING, P, "voice-of-the-child", "Voice of the child",
                FindingKind.AREA_FOR_IMPROVEMENT, List.of("met-police"), List.of(), "Wishes not recorded", "Record wishes", "qa", of(2017, 8, 30)), 0), store);
        learning.apply(event(new FindingRecorded("f9", NEGLECT, P, "voice-of-the-child", "Voice of the child",
                FindingKind.AREA_FOR_IMPROVEMENT, List.of("nelft"), List.of(), "Child not seen alone", "See the child", "qa", of(2017, 6, 1)), 0), store);
        learning.apply(event(new FindingRecorded("f2", NEGLECT, P, "supervision", "Supervision",
                FindingKind.AREA_FOR_IMPROVEMENT, List.of("nelft"), List.of(), "No supervision", "Supervise", "qa", of(2017, 6, 1)), 1), store);
        learning.apply(event(new FindingRecorded("f3", MISSING, P, "supervision", "Supervision",
                FindingKind.GOOD_PRACTICE, List.of("nelft"), List.of(), "Regular supervision", null, "qa", of(2017, 8, 30)), 1), store);
        projection.apply(event(new AuditLearningDisseminated(NEGLECT, P, "training-1", Channel.TRAINING_PROVIDERS,
                "Learning outcomes for the neglect course", "LSCB training providers", of(2017, 10, 2), "qa"), 11), store);

        List<AuditLearningViews.TrainingNeed> needs = audits.trainingNeeds(live(), 2);
        assertThat(needs).extracting(AuditLearningViews.TrainingNeed::aspect).containsExactly("voice-of-the-child");
        AuditLearningViews.TrainingNeed voice = needs.get(0);
        assertThat(voice.themes()).containsExactly("Children who go missing", "Neglect");
        assertThat(voice.sentToTrainingProviders()).containsExactly(NEGLECT);
        assertThat(voice.notYetSentToTrainingProviders()).containsExactly(MISSING);
        assertThat(voice.lastFoundOn()).isEqualTo(of(2017, 8, 30));
        assertThat(audits.trainingNeeds(live(), 1)).extracting(AuditLearningViews.TrainingNeed::aspect)
                .containsExactly("voice-of-the-child", "supervision");
    }
}
