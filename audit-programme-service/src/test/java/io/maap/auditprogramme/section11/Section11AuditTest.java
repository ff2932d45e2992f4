package io.maap.auditprogramme.section11;

import io.maap.auditprogramme.section11.command.CloseSection11Audit;
import io.maap.auditprogramme.section11.command.PlanSection11Audit;
import io.maap.auditprogramme.section11.command.PresentActionPlans;
import io.maap.auditprogramme.section11.command.RecordAgencyStep;
import io.maap.auditprogramme.section11.command.RecordMonitoringReview;
import io.maap.auditprogramme.section11.command.Section11Audit;
import io.maap.events.auditprogramme.AuditPlanned;
import io.maap.events.auditprogramme.DeliberateOverride;
import io.maap.events.auditprogramme.PlannedDate;
import io.maap.events.auditprogramme.Section11ActionPlansPresented;
import io.maap.events.auditprogramme.Section11AgencyStepRecorded;
import io.maap.events.auditprogramme.Section11AgencyStepRecorded.Step;
import io.maap.events.auditprogramme.Section11AuditClosed;
import io.maap.events.auditprogramme.Section11AuditPlanned;
import io.maap.events.auditprogramme.Section11MonitoringReviewed;
import io.maap.support.domain.RuleViolation;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static java.time.LocalDate.of;

/** Redbridge's 2016-2018 Section 11 audit (seed 000). */
class Section11AuditTest {

    private static final String AUDIT = "rbr-s11-2016-18";
    private static final String PROGRAMME = "redbridge-2017-18";
    private static final List<String> AGENCIES = List.of("met-police", "nelft");
    /** The day the steps are recorded. */
    private static final LocalDate TODAY = of(2018, 6, 30);

    private AggregateTestFixture<Section11Audit> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Section11Audit.class);
    }

    private static final List<AuditPlanned.Activity> PHASES = List.of(new AuditPlanned.Activity("challenge",
            "Multi-Agency 'Challenge' Panels booked for each Statutory Partner",
            new PlannedDate(of(2017, 2, 13), PlannedDate.Precision.WEEK_COMMENCING), PlannedDate.day(of(2017, 3, 10))));

    private static Section11AuditPlanned planned() {
        return new Section11AuditPlanned(AUDIT, PROGRAMME, "Section 11 Audit", List.of("6", "8"),
                "LSCB Quality Assurance Manager", "2016 - 2018", AGENCIES,
                new PlannedDate(of(2016, 12, 1), PlannedDate.Precision.MONTH),
                new PlannedDate(of(2018, 12, 1), PlannedDate.Precision.MONTH), PHASES);
    }

    private static Section11AgencyStepRecorded step(String agency, Step step, LocalDate on) {
        return new Section11AgencyStepRecorded(AUDIT, PROGRAMME, agency, step, on, "Independent chair");
    }

    private static Section11AgencyStepRecorded[] allStepsOf(String agency) {
        return new Section11AgencyStepRecorded[]{
                step(agency, Step.SELF_ASSESSMENT_SUBMITTED, of(2017, 1, 31)),
                step(agency, Step.CHALLENGE_PANEL_HELD, of(2017, 2, 20)),
                step(agency, Step.SELF_ASSESSMENT_RESUBMITTED, of(2017, 4, 1)),
                step(agency, Step.ACTION_PLAN_RECEIVED, of(2017, 7, 4))};
    }

    private static Section11ActionPlansPresented presented() {
        return new Section11ActionPlansPresented(AUDIT, PROGRAMME, of(2017, 7, 18), "LSCB Board", List.of(), null);
    }

    @Test
    void aSection11AuditIsPlannedWithItsAgenciesAndPhases() {
        fixture.givenNoPriorActivity()
                .when(new PlanSection11Audit(AUDIT, PROGRAMME, "Section 11 Audit", List.of("6", "8"),
                        "LSCB Quality Assurance Manager", "2016 - 2018", AGENCIES,
                        new PlannedDate(of(2016, 12, 1), PlannedDate.Precision.MONTH),
                        new PlannedDate(of(2018, 12, 1), PlannedDate.Precision.MONTH), PHASES))
                .expectEvents(planned());
    }

    @Test
    void anAgencyIsChallengedAtAPanelAfterItsSelfAssessment() {
        fixture.given(planned(), step("met-police", Step.SELF_ASSESSMENT_SUBMITTED, of(2017, 1, 31)))
                .when(new RecordAgencyStep(AUDIT, "met-police", Step.CHALLENGE_PANEL_HELD, of(2017, 2, 20), "Independent chair", TODAY))
                .expectEvents(step("met-police", Step.CHALLENGE_PANEL_HELD, of(2017, 2, 20)));
    }

    @Test
    void cannotResubmitBeforeTheChallengePanel() {
        fixture.given(planned(), step("met-police", Step.SELF_ASSESSMENT_SUBMITTED, of(2017, 1, 31)))
                .when(new RecordAgencyStep(AUDIT, "met-police", Step.SELF_ASSESSMENT_RESUBMITTED, of(2017, 4, 1), "SPOC", TODAY))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("Cannot record self assessment resubmitted for agency 'met-police': "
                        + "the next step is challenge panel held.");
    }

    @Test
    void resubmissionAfterThePanelIsOptionalSoTheActionPlanMayFollowIt() {
        fixture.given(planned(), step("met-police", Step.SELF_ASSESSMENT_SUBMITTED, of(2017, 1, 31)),
                        step("met-police", Step.CHALLENGE_PANEL_HELD, of(2017, 2, 20)))
                .when(new RecordAgencyStep(AUDIT, "met-police", Step.ACTION_PLAN_RECEIVED, of(2017, 7, 4), "Independent chair", TODAY))
                .expectEvents(step("met-police", Step.ACTION_PLAN_RECEIVED, of(2017, 7, 4)));
    }

    @Test
    void cannotResubmitAfterTheActionPlanWasReceived() {
        fixture.given(planned(), step("met-police", Step.SELF_ASSESSMENT_SUBMITTED, of(2017, 1, 31)),
                        step("met-police", Step.CHALLENGE_PANEL_HELD, of(2017, 2, 20)),
                        step("met-police", Step.ACTION_PLAN_RECEIVED, of(2017, 7, 4)))
                .when(new RecordAgencyStep(AUDIT, "met-police", Step.SELF_ASSESSMENT_RESUBMITTED, of(2017, 7, 5), "SPOC", TODAY))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("Cannot record self assessment resubmitted for agency 'met-police': "
                        + "its action plan was already received.");
    }

    @Test
    void cannotRecordAStepForAnAgencyNotTakingPart() {
        fixture.given(planned())
                .when(new RecordAgencyStep(AUDIT, "bhrut", Step.SELF_ASSESSMENT_SUBMITTED, of(2017, 1, 31), "SPOC", TODAY))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("Agency 'bhrut' does not take part in Section 11 audit rbr-s11-2016-18.");
    }

    @Test
    void retryingAnAgencyStepChangesNothing() {
        fixture.given(planned(), step("met-police", Step.SELF_ASSESSMENT_SUBMITTED, of(2017, 1, 31)))
                .when(new RecordAgencyStep(AUDIT, "met-police", Step.SELF_ASSESSMENT_SUBMITTED, of(2017, 1, 31), "Independent chair", TODAY))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void cannotRecordAStepBeforeThePreviousOne() {
        fixture.given(planned(), step("met-police", Step.SELF_ASSESSMENT_SUBMITTED, of(2017, 1, 31)))
                .when(new RecordAgencyStep(AUDIT, "met-police", Step.CHALLENGE_PANEL_HELD, of(2017, 1, 30), "Chair", TODAY))
                .expectException(RuleViolation.class).expectNoEvents();
    }

    @Test
    void cannotRecordAStepDatedAfterTheDayItIsRecorded() {
        fixture.given(planned())
                .when(new RecordAgencyStep(AUDIT, "met-police", Step.SELF_ASSESSMENT_SUBMITTED, TODAY.plusDays(1), "SPOC", TODAY))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("The date 2018-07-01 is in the future; record a step once it happened.");
    }

    @Test
    void actionPlansArePresentedOnceEveryAgencySentOne() {
        fixture.given(planned()).andGiven((Object[]) allStepsOf("met-police")).andGiven((Object[]) allStepsOf("nelft"))
                .when(new PresentActionPlans(AUDIT, of(2017, 7, 18), "LSCB Board", null, TODAY))
                .expectEvents(presented());
    }

    @Test
    void cannotPresentActionPlansWithOnesMissingWithoutWhoAndWhy() {
        fixture.given(planned()).andGiven((Object[]) allStepsOf("met-police"))
                .when(new PresentActionPlans(AUDIT, of(2017, 7, 18), "LSCB Board", null, TODAY))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("No action plan yet from nelft; presenting without them needs who decided it and why.");
    }

    @Test
    void actionPlansArePresentedWithOnesMissingWhenSomeoneDecidesSo() {
        DeliberateOverride override = new DeliberateOverride("LSCB Chair", "NELFT plan follows in September");
        fixture.given(planned()).andGiven((Object[]) allStepsOf("met-police"))
                .when(new PresentActionPlans(AUDIT, of(2017, 7, 18), "LSCB Board", override, TODAY))
                .expectEvents(new Section11ActionPlansPresented(AUDIT, PROGRAMME, of(2017, 7, 18), "LSCB Board",
                        List.of("nelft"), override));
    }

    @Test
    void cannotReviewMonitoringBeforeThePlansArePresented() {
        fixture.given(planned())
                .when(new RecordMonitoringReview(AUDIT, of(2017, 10, 3), "LSCB Board", TODAY))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("Cannot record a monitoring review of Section 11 audit rbr-s11-2016-18: "
                        + "its action plans have not been presented yet.");
    }

    @Test
    void theBoardReviewsProgressAtEachMeeting() {
        fixture.given(planned(), presented(), new Section11MonitoringReviewed(AUDIT, PROGRAMME, of(2017, 10, 3), "LSCB Board"))
                .when(new RecordMonitoringReview(AUDIT, of(2018, 1, 23), "LSCB Board", TODAY))
                .expectEvents(new Section11MonitoringReviewed(AUDIT, PROGRAMME, of(2018, 1, 23), "LSCB Board"));
    }

    @Test
    void cannotCloseBeforeAnyMonitoringReview() {
        fixture.given(planned(), presented())
                .when(new CloseSection11Audit(AUDIT, of(2018, 4, 24), "LSCB Board", "Evaluated", TODAY))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("Cannot close Section 11 audit rbr-s11-2016-18: the Board has not reviewed the action plans yet.");
    }

    @Test
    void aMonitoredSection11AuditIsClosedWithItsEvaluation() {
        fixture.given(planned(), presented(), new Section11MonitoringReviewed(AUDIT, PROGRAMME, of(2017, 10, 3), "LSCB Board"))
                .when(new CloseSection11Audit(AUDIT, of(2018, 4, 24), "LSCB Board", "Challenge panels worked", TODAY))
                .expectEvents(new Section11AuditClosed(AUDIT, PROGRAMME, of(2018, 4, 24), "LSCB Board", "Challenge panels worked"));
    }
}
