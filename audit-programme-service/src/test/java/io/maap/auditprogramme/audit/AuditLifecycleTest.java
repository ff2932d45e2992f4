package io.maap.auditprogramme.audit;

import io.maap.auditprogramme.audit.command.Audit;
import io.maap.auditprogramme.audit.command.CloseAudit;
import io.maap.auditprogramme.audit.command.CloseReturns;
import io.maap.auditprogramme.audit.command.CommissionAudit;
import io.maap.auditprogramme.audit.command.CompleteActivity;
import io.maap.auditprogramme.audit.command.DraftReport;
import io.maap.auditprogramme.audit.command.HoldChallengeDay;
import io.maap.auditprogramme.audit.command.PartnershipPolicy;
import io.maap.auditprogramme.audit.command.PlanAudit;
import io.maap.auditprogramme.audit.command.RecordAnalysis;
import io.maap.auditprogramme.audit.command.RescheduleMilestone;
import io.maap.auditprogramme.audit.command.ScheduleChallengeDay;
import io.maap.auditprogramme.audit.command.SendChallengeDayAgenda;
import io.maap.auditprogramme.audit.command.SignOffReport;
import io.maap.auditprogramme.audit.command.StartMonitoring;
import io.maap.support.domain.BoardDecision;
import io.maap.events.CaseType;
import io.maap.events.auditprogramme.AuditActivityCompleted;
import io.maap.events.auditprogramme.AuditAnalysed;
import io.maap.events.auditprogramme.AuditClosed;
import io.maap.events.auditprogramme.AuditLearningDisseminated;
import io.maap.events.auditprogramme.AuditCommissioned;
import io.maap.events.auditprogramme.AuditCommissioned.AuditQuestion;
import io.maap.events.auditprogramme.AuditCommissioned.SampledCase;
import io.maap.events.auditprogramme.AuditMilestoneRescheduled;
import io.maap.events.auditprogramme.AuditMonitoringStarted;
import io.maap.events.auditprogramme.AuditPlanned;
import io.maap.events.auditprogramme.AuditReportDrafted;
import io.maap.events.auditprogramme.AuditReturnsClosed;
import io.maap.events.auditprogramme.AuditSignedOff;
import io.maap.events.auditprogramme.ChallengeDayAgendaSent;
import io.maap.events.auditprogramme.ChallengeDayHeld;
import io.maap.events.auditprogramme.ChallengeDayScheduled;
import io.maap.events.auditprogramme.DeliberateOverride;
import io.maap.events.auditprogramme.Milestone;
import io.maap.events.auditprogramme.PlannedDate;
import io.maap.support.calendar.WorkingDayCalendar;
import io.maap.support.domain.RuleViolation;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static java.time.LocalDate.of;

/** The lifecycle of the Children who go missing audit of Redbridge's 2017-18 programme. */
class AuditLifecycleTest {

    private static final String AUDIT = "rbr-2017-missing";
    private static final String PROGRAMME = "redbridge-2017-18";
    private static final LocalDate TOOL_SENT = of(2017, 7, 3);
    private static final LocalDate DEADLINE = of(2017, 8, 7);
    private static final LocalDate FINAL_SUBMISSION = of(2017, 8, 7);
    /** 15 working days after Monday 7 August 2017; Monday 28 August is the summer bank holiday. */
    private static final LocalDate WINDOW_END = of(2017, 8, 29);
    private static final PlannedDate ROUND_TABLE = new PlannedDate(of(2017, 8, 21), PlannedDate.Precision.WEEK_COMMENCING);
    private static final String LEAD = "Chair of LSCB Learning and Improvement Sub-Group";
    /** The day the steps are recorded, after all of them happened. */
    private static final LocalDate TODAY = of(2018, 6, 30);

    private AggregateTestFixture<Audit> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Audit.class);
        fixture.registerInjectableResource(WorkingDayCalendar.englandAndWales());
    }

    private static PlanAudit plan() {
        return new PlanAudit(AUDIT, PROGRAMME, "Children who go missing", "Children who go missing", List.of("7"), LEAD,
                "July - September 2017", List.of("Is the child the focus?"), List.of("Good", "Requires improvement", "Inadequate"),
                List.of(new AuditPlanned.PlannedSample(CaseType.CHILD_PROTECTION, 2)),
                List.of(new AuditPlanned.PlannedMilestone(Milestone.CHALLENGE_DAY, ROUND_TABLE),
                        new AuditPlanned.PlannedMilestone(Milestone.SIGNED_OFF, PlannedDate.day(of(2017, 9, 20)))),
                List.of(new AuditPlanned.Activity("missing-panels", "2 Missing Panels to be observed",
                        new PlannedDate(of(2017, 7, 1), PlannedDate.Precision.MONTH),
                        new PlannedDate(of(2017, 8, 1), PlannedDate.Precision.MONTH))));
    }

    private static AuditPlanned planned() {
        PlanAudit c = plan();
        return new AuditPlanned(c.auditId(), c.programmeId(), c.title(), c.theme(), c.businessPlanPriorities(),
                c.leadOfficer(), c.timescale(), c.keyLinesOfEnquiry(), c.gradingScale(), c.plannedSample(), c.milestones(),
                c.activities());
    }

    private static CommissionAudit commission(String programmeId) {
        return new CommissionAudit(AUDIT, programmeId, "Children who go missing", "Children who go missing", LEAD,
                TOOL_SENT, new CommissionAudit.DeadlineOverride(DEADLINE, "LSCB Executive", "Set in the programme"),
                List.of(new AuditQuestion("q1", "Was the child seen?", true)),
                List.of(new SampledCase("RBR-1707-M01", CaseType.CHILD_PROTECTION)), List.of("met-police"));
    }

    private static AuditCommissioned commissioned() {
        return new AuditCommissioned(AUDIT, PROGRAMME, "Children who go missing", "Children who go missing", LEAD,
                TOOL_SENT, DEADLINE, of(2017, 7, 17), new AuditCommissioned.DeadlineOverride("LSCB Executive", "Set in the programme"),
                List.of(new AuditQuestion("q1", "Was the child seen?", true)),
                List.of(new SampledCase("RBR-1707-M01", CaseType.CHILD_PROTECTION)), List.of("met-police"),
                List.of("Good", "Requires improvement", "Inadequate"), PartnershipPolicy.DEFAULT.recorded());
    }

    private static AuditReturnsClosed returnsClosed() {
        return new AuditReturnsClosed(AUDIT, PROGRAMME, FINAL_SUBMISSION, WINDOW_END, "QA Coordinator");
    }

    private static AuditAnalysed analysed() {
        return new AuditAnalysed(AUDIT, PROGRAMME, of(2017, 8, 14), "QA Sub-Group");
    }

    private static ChallengeDayHeld held() {
        return new ChallengeDayHeld(AUDIT, PROGRAMME, of(2017, 8, 22), "Independent chair", of(2017, 8, 18), null);
    }

    private static AuditReportDrafted drafted() {
        return new AuditReportDrafted(AUDIT, PROGRAMME, of(2017, 9, 5), "QA Coordinator");
    }

    private static AuditSignedOff signedOff() {
        return new AuditSignedOff(AUDIT, PROGRAMME, of(2017, 9, 20), "LSCB Executive Board");
    }

    private static AuditMonitoringStarted monitoring() {
        return new AuditMonitoringStarted(AUDIT, PROGRAMME, of(2017, 10, 3), "QA Sub-Group");
    }

    @Test
    void planningRecordsTheScopeAndPlannedDates() {
        fixture.givenNoPriorActivity().when(plan()).expectEvents(planned());
    }

    @Test
    void retryingTheSamePlanChangesNothing() {
        fixture.given(planned()).when(plan()).expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void cannotPlanAnAuditTwiceWithOtherDetails() {
        PlanAudit other = new PlanAudit(AUDIT, PROGRAMME, "Other title", "Children who go missing", List.of("7"), LEAD,
                "July", List.of(), List.of(), List.of(), List.of(), List.of());
        fixture.given(planned()).when(other).expectException(RuleViolation.class)
                .expectExceptionMessage("Audit rbr-2017-missing is already planned with other details.");
    }

    @Test
    void cannotPlanAnActivityThatEndsBeforeItStarts() {
        PlanAudit backwards = new PlanAudit(AUDIT, PROGRAMME, "t", "theme", List.of("7"), LEAD, "July", List.of(), List.of(),
                List.of(), List.of(), List.of(new AuditPlanned.Activity("a1", "Observe", PlannedDate.day(of(2017, 8, 1)),
                        PlannedDate.day(of(2017, 7, 1)))));
        fixture.givenNoPriorActivity().when(backwards).expectException(RuleViolation.class).expectNoEvents();
    }

    @Test
    void cannotPlanTheSameMilestoneTwice() {
        PlanAudit twice = new PlanAudit(AUDIT, PROGRAMME, "t", "theme", List.of("7"), LEAD, "July", List.of(), List.of(),
                List.of(), List.of(new AuditPlanned.PlannedMilestone(Milestone.SIGNED_OFF, PlannedDate.day(of(2017, 9, 20))),
                new AuditPlanned.PlannedMilestone(Milestone.SIGNED_OFF, PlannedDate.day(of(2017, 9, 21)))), List.of());
        fixture.givenNoPriorActivity().when(twice).expectException(RuleViolation.class)
                .expectExceptionMessage("The milestone 'SIGNED_OFF' appears twice.");
    }

    @Test
    void aPlannedAuditCanBeCommissionedLaterCarryingItsGradingScaleForTheReturns() {
        fixture.given(planned()).when(commission(PROGRAMME)).expectEvents(commissioned());
    }

    @Test
    void cannotCommissionAPlannedAuditIntoAnotherProgramme() {
        fixture.given(planned()).when(commission("redbridge-2018-19")).expectException(RuleViolation.class)
                .expectExceptionMessage("Audit rbr-2017-missing is planned in programme 'redbridge-2017-18', not 'redbridge-2018-19'.");
    }

    @Test
    void cannotCommissionGradedQuestionsWhenThePlanHasNoGradingScale() {
        PlanAudit ungraded = new PlanAudit(AUDIT, PROGRAMME, "t", "theme", List.of("7"), LEAD, "July", List.of(), List.of(),
                List.of(), List.of(), List.of());
        AuditPlanned ungradedPlan = new AuditPlanned(AUDIT, PROGRAMME, "t", "theme", List.of("7"), LEAD, "July", List.of(),
                List.of(), List.of(), List.of(), List.of());
        fixture.given(ungradedPlan).when(commission(PROGRAMME)).expectException(RuleViolation.class)
                .expectNoEvents();
        fixture.givenNoPriorActivity().when(ungraded).expectEvents(ungradedPlan);
    }

    @Test
    void cannotPlanAnAuditAlreadyCommissioned() {
        fixture.given(commissioned()).when(plan()).expectException(RuleViolation.class)
                .expectExceptionMessage("Audit rbr-2017-missing is already commissioned; it cannot be planned now.");
    }

    @Test
    void closingReturnsStartsTheChallengeDayWindow() {
        fixture.given(planned(), commissioned())
                .when(new CloseReturns(AUDIT, FINAL_SUBMISSION, "QA Coordinator", TODAY))
                .expectEvents(returnsClosed());
    }

    @Test
    void cannotCloseReturnsOfAnAuditNotYetCommissioned() {
        fixture.given(planned())
                .when(new CloseReturns(AUDIT, FINAL_SUBMISSION, "QA Coordinator", TODAY))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("Cannot close the returns of audit rbr-2017-missing: it is planned, and must be commissioned first.");
    }

    @Test
    void cannotCloseReturnsBeforeTheToolWasSent() {
        fixture.given(commissioned())
                .when(new CloseReturns(AUDIT, of(2017, 6, 30), "QA Coordinator", TODAY))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("The final submission date 2017-06-30 is before the previous step of audit rbr-2017-missing (2017-07-03).");
    }

    @Test
    void cannotRecordAStepDatedAfterTheDayItIsRecorded() {
        fixture.given(commissioned())
                .when(new CloseReturns(AUDIT, of(2018, 7, 2), "QA Coordinator", TODAY))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("The final submission date 2018-07-02 is in the future; record a step once it happened.");
    }

    @Test
    void retryingAStepOnALaterDayChangesNothing() {
        fixture.given(commissioned(), returnsClosed())
                .when(new CloseReturns(AUDIT, FINAL_SUBMISSION, "QA Coordinator", TODAY.plusYears(1)))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void retryingAStepAlreadyTakenChangesNothing() {
        fixture.given(commissioned(), returnsClosed(), analysed())
                .when(new CloseReturns(AUDIT, FINAL_SUBMISSION, "QA Coordinator", TODAY))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void cannotTakeAStepAgainWithOtherDetails() {
        fixture.given(commissioned(), returnsClosed())
                .when(new CloseReturns(AUDIT, of(2017, 8, 8), "QA Coordinator", TODAY))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("Cannot close the returns of audit rbr-2017-missing: it is already returns closed, with other details.");
    }

    @Test
    void analysisFollowsClosedReturns() {
        fixture.given(commissioned(), returnsClosed())
                .when(new RecordAnalysis(AUDIT, of(2017, 8, 14), "QA Sub-Group", TODAY))
                .expectEvents(analysed());
    }

    @Test
    void cannotAnalyseBeforeReturnsAreClosed() {
        fixture.given(commissioned())
                .when(new RecordAnalysis(AUDIT, of(2017, 8, 14), "QA Sub-Group", TODAY))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("Cannot record the analysis of audit rbr-2017-missing: it is commissioned, and must be returns closed first.");
    }

    @Test
    void schedulingTheChallengeDaySetsTheAgendaDateTwoWorkingDaysBefore() {
        fixture.given(commissioned())
                .when(new ScheduleChallengeDay(AUDIT, of(2017, 8, 22), "Independent chair", null))
                .expectEvents(new ChallengeDayScheduled(AUDIT, PROGRAMME, of(2017, 8, 22), "Independent chair",
                        of(2017, 8, 18), WINDOW_END, null));
    }

    @Test
    void cannotScheduleTheChallengeDayMoreThanFifteenWorkingDaysAfterTheFinalSubmission() {
        fixture.given(commissioned(), returnsClosed())
                .when(new ScheduleChallengeDay(AUDIT, of(2017, 8, 30), "Independent chair", null))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("The challenge day must fall within 15 working days of 2017-08-07, by 2017-08-29; "
                        + "a later day needs who decided it and why.");
    }

    @Test
    void aLaterChallengeDayIsScheduledWithWhoAndWhy() {
        DeliberateOverride override = new DeliberateOverride("QA Sub-Group chair", "Chair unavailable in August");
        fixture.given(commissioned(), returnsClosed())
                .when(new ScheduleChallengeDay(AUDIT, of(2017, 9, 4), "Independent chair", override))
                .expectEvents(new ChallengeDayScheduled(AUDIT, PROGRAMME, of(2017, 9, 4), "Independent chair",
                        of(2017, 8, 31), WINDOW_END, override));
    }

    @Test
    void cannotOverrideWithoutAReason() {
        fixture.given(commissioned(), returnsClosed())
                .when(new ScheduleChallengeDay(AUDIT, of(2017, 9, 4), "Independent chair", new DeliberateOverride("QA chair", " ")))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("A deliberate override needs who decided it and why.");
    }

    @Test
    void cannotScheduleTheChallengeDayOnABankHoliday() {
        fixture.given(commissioned(), returnsClosed())
                .when(new ScheduleChallengeDay(AUDIT, of(2017, 8, 28), "Independent chair", null))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("The challenge day 2017-08-28 is not a working day.");
    }

    @Test
    void cannotScheduleTheChallengeDayBeforeTheReturnsAreDue() {
        fixture.given(commissioned())
                .when(new ScheduleChallengeDay(AUDIT, of(2017, 8, 7), "Independent chair", null))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("The challenge day must come after the return deadline 2017-08-07.");
    }

    @Test
    void cannotScheduleTheChallengeDayOfAPlannedAudit() {
        fixture.given(planned())
                .when(new ScheduleChallengeDay(AUDIT, of(2017, 8, 22), "Independent chair", null))
                .expectException(RuleViolation.class).expectNoEvents();
    }

    @Test
    void reschedulingTheSameChallengeDayChangesNothing() {
        fixture.given(commissioned(), new ChallengeDayScheduled(AUDIT, PROGRAMME, of(2017, 8, 22), "Independent chair",
                        of(2017, 8, 18), WINDOW_END, null))
                .when(new ScheduleChallengeDay(AUDIT, of(2017, 8, 22), "Independent chair", null))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    private static ChallengeDayScheduled scheduled() {
        return new ChallengeDayScheduled(AUDIT, PROGRAMME, of(2017, 8, 22), "Independent chair", of(2017, 8, 18),
                WINDOW_END, null);
    }

    @Test
    void sendingTheAgendaByItsDueDayRecordsWhoSentItForTheScheduledDay() {
        fixture.given(commissioned(), returnsClosed(), analysed(), scheduled())
                .when(new SendChallengeDayAgenda(AUDIT, of(2017, 8, 18), "qa.coordinator", null, of(2017, 8, 18)))
                .expectEvents(new ChallengeDayAgendaSent(AUDIT, PROGRAMME, of(2017, 8, 22), of(2017, 8, 18),
                        "qa.coordinator", of(2017, 8, 18), null));
    }

    @Test
    void theAgendaCanGoOutWhileReturnsAreStillOpen() {
        fixture.given(commissioned(), new ChallengeDayScheduled(AUDIT, PROGRAMME, of(2017, 8, 22), null, of(2017, 8, 18),
                        WINDOW_END, null))
                .when(new SendChallengeDayAgenda(AUDIT, of(2017, 8, 4), "audit.lead", null, of(2017, 8, 4)))
                .expectEvents(new ChallengeDayAgendaSent(AUDIT, PROGRAMME, of(2017, 8, 22), of(2017, 8, 4),
                        "audit.lead", of(2017, 8, 18), null));
    }

    @Test
    void cannotSendTheAgendaLateWithoutWhoAndWhy() {
        fixture.given(commissioned(), returnsClosed(), analysed(), scheduled())
                .when(new SendChallengeDayAgenda(AUDIT, of(2017, 8, 21), "qa.coordinator", null, of(2017, 8, 21)))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("The agenda was due by 2017-08-18; a later agenda needs who decided it and why.");
    }

    @Test
    void aLateAgendaIsSentWithWhoAndWhy() {
        DeliberateOverride override = new DeliberateOverride("QA Sub-Group chair", "Analysis finished late");
        fixture.given(commissioned(), returnsClosed(), analysed(), scheduled())
                .when(new SendChallengeDayAgenda(AUDIT, of(2017, 8, 21), "qa.coordinator", override, of(2017, 8, 21)))
                .expectEvents(new ChallengeDayAgendaSent(AUDIT, PROGRAMME, of(2017, 8, 22), of(2017, 8, 21),
                        "qa.coordinator", of(2017, 8, 18), override));
    }

    @Test
    void cannotSendTheAgendaAfterTheScheduledDayEvenWithAnOverride() {
        fixture.given(commissioned(), returnsClosed(), analysed(), scheduled())
                .when(new SendChallengeDayAgenda(AUDIT, of(2017, 8, 23), "qa.coordinator",
                        new DeliberateOverride("QA chair", "Forgot"), of(2017, 8, 23)))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("The agenda cannot go out after the challenge day 2017-08-22.");
    }

    @Test
    void cannotRecordAnAgendaSentInTheFuture() {
        fixture.given(commissioned(), returnsClosed(), analysed(), scheduled())
                .when(new SendChallengeDayAgenda(AUDIT, of(2017, 8, 18), "qa.coordinator", null, of(2017, 8, 17)))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("The day the agenda was sent 2017-08-18 is in the future; record it once it went out.");
    }

    @Test
    void cannotSendTheAgendaOfAChallengeDayNotScheduled() {
        fixture.given(commissioned(), returnsClosed(), analysed())
                .when(new SendChallengeDayAgenda(AUDIT, of(2017, 8, 18), "qa.coordinator", null, of(2017, 8, 18)))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("Audit rbr-2017-missing has no challenge day scheduled; schedule it before sending its agenda.");
    }

    @Test
    void cannotSendTheAgendaOnceTheChallengeDayWasHeld() {
        fixture.given(commissioned(), returnsClosed(), analysed(), scheduled(), held())
                .when(new SendChallengeDayAgenda(AUDIT, of(2017, 8, 18), "qa.coordinator", null, TODAY))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("Cannot send the agenda of the challenge day of audit rbr-2017-missing: it is "
                        + "challenge day held; a challenge day is scheduled between commissioning and holding it.");
    }

    @Test
    void repeatingTheSameAgendaChangesNothing() {
        fixture.given(commissioned(), returnsClosed(), analysed(), scheduled(), agendaSent())
                .when(new SendChallengeDayAgenda(AUDIT, of(2017, 8, 18), "qa.coordinator", null, of(2017, 8, 19)))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    private static ChallengeDayAgendaSent agendaSent() {
        return new ChallengeDayAgendaSent(AUDIT, PROGRAMME, of(2017, 8, 22), of(2017, 8, 18), "qa.coordinator",
                of(2017, 8, 18), null);
    }

    @Test
    void theAgendaOfAMovedDayIsSentAgain() {
        fixture.given(commissioned(), returnsClosed(), analysed(), scheduled(), agendaSent(),
                        new ChallengeDayScheduled(AUDIT, PROGRAMME, of(2017, 8, 24), "Independent chair", of(2017, 8, 22),
                                WINDOW_END, null))
                .when(new SendChallengeDayAgenda(AUDIT, of(2017, 8, 21), "qa.coordinator", null, of(2017, 8, 21)))
                .expectEvents(new ChallengeDayAgendaSent(AUDIT, PROGRAMME, of(2017, 8, 24), of(2017, 8, 21),
                        "qa.coordinator", of(2017, 8, 22), null));
    }

    @Test
    void holdingTheChallengeDayWithinTheWindowWithTheAgendaOutInTime() {
        fixture.given(commissioned(), returnsClosed(), analysed())
                .when(new HoldChallengeDay(AUDIT, of(2017, 8, 22), "Independent chair", of(2017, 8, 18), null, TODAY))
                .expectEvents(held());
    }

    @Test
    void theAgendaRecordedAsSentForTheDayIsTakenWhenHoldingItWithoutOne() {
        fixture.given(commissioned(), returnsClosed(), analysed(), scheduled(), agendaSent())
                .when(new HoldChallengeDay(AUDIT, of(2017, 8, 22), "Independent chair", null, null, TODAY))
                .expectEvents(held());
    }

    @Test
    void holdingTheChallengeDayWithoutAnAgendaRecordedForThatDayNeedsItsDate() {
        fixture.given(commissioned(), returnsClosed(), analysed(), scheduled(), agendaSent())
                .when(new HoldChallengeDay(AUDIT, of(2017, 8, 24), "Independent chair", null, null, TODAY))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("No agenda is recorded as sent for a challenge day on 2017-08-24; give agendaSentOn, "
                        + "the day the agenda went out.");
    }

    @Test
    void cannotHoldTheChallengeDayBeforeTheAnalysis() {
        fixture.given(commissioned(), returnsClosed())
                .when(new HoldChallengeDay(AUDIT, of(2017, 8, 22), "Independent chair", of(2017, 8, 18), null, TODAY))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("Cannot hold the challenge day of audit rbr-2017-missing: it is returns closed, and must be analysed first.");
    }

    @Test
    void cannotHoldTheChallengeDayAfterTheWindowWithoutAnOverride() {
        fixture.given(commissioned(), returnsClosed(), analysed())
                .when(new HoldChallengeDay(AUDIT, of(2017, 8, 30), "Independent chair", of(2017, 8, 24), null, TODAY))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("The challenge day must fall within 15 working days of the final submission date "
                        + "2017-08-07, by 2017-08-29; a later day needs who decided it and why.");
    }

    @Test
    void aLateChallengeDayIsHeldWithWhoAndWhy() {
        DeliberateOverride override = new DeliberateOverride("LSCB Executive", "Case holders on leave in August");
        fixture.given(commissioned(), returnsClosed(), analysed())
                .when(new HoldChallengeDay(AUDIT, of(2017, 9, 4), "Independent chair", of(2017, 8, 30), override, TODAY))
                .expectEvents(new ChallengeDayHeld(AUDIT, PROGRAMME, of(2017, 9, 4), "Independent chair", of(2017, 8, 30), override));
    }

    @Test
    void cannotHoldTheChallengeDayWhenTheAgendaWentOutLate() {
        fixture.given(commissioned(), returnsClosed(), analysed())
                .when(new HoldChallengeDay(AUDIT, of(2017, 8, 22), "Independent chair", of(2017, 8, 21), null, TODAY))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("The agenda must go out 2 working days before the challenge day, by 2017-08-18; "
                        + "a later agenda needs who decided it and why.");
    }

    @Test
    void cannotSendTheAgendaAfterTheChallengeDayEvenWithAnOverride() {
        fixture.given(commissioned(), returnsClosed(), analysed())
                .when(new HoldChallengeDay(AUDIT, of(2017, 8, 22), "Independent chair", of(2017, 8, 23),
                        new DeliberateOverride("QA chair", "Forgot"), TODAY))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("The agenda cannot go out after the challenge day.");
    }

    @Test
    void draftingTheReportFollowsTheChallengeDay() {
        fixture.given(commissioned(), returnsClosed(), analysed(), held())
                .when(new DraftReport(AUDIT, of(2017, 9, 5), "QA Coordinator", TODAY))
                .expectEvents(drafted());
    }

    @Test
    void cannotDraftTheReportBeforeTheChallengeDay() {
        fixture.given(commissioned(), returnsClosed(), analysed())
                .when(new DraftReport(AUDIT, of(2017, 9, 5), "QA Coordinator", TODAY))
                .expectException(RuleViolation.class).expectNoEvents();
    }

    @Test
    void theBoardSignsOffADraftedReport() {
        fixture.given(commissioned(), returnsClosed(), analysed(), held(), drafted())
                .when(new SignOffReport(AUDIT, of(2017, 9, 20), "LSCB Executive Board", TODAY))
                .expectEvents(signedOff());
    }

    @Test
    void theQaCoordinatorRecordsTheBoardsSignOffByNamingTheMeeting() {
        fixture.given(commissioned(), returnsClosed(), analysed(), held(), drafted())
                .when(new SignOffReport(AUDIT, of(2017, 9, 20), "LSCB Executive Board", TODAY,
                        new BoardDecision(false, "LSCB Executive Board, 20 September 2017")))
                .expectEvents(new AuditSignedOff(AUDIT, PROGRAMME, of(2017, 9, 20), "LSCB Executive Board",
                        "LSCB Executive Board, 20 September 2017"));
    }

    @Test
    void theQaCoordinatorCannotRecordTheBoardsSignOffWithoutTheMeeting() {
        fixture.given(commissioned(), returnsClosed(), analysed(), held(), drafted())
                .when(new SignOffReport(AUDIT, of(2017, 9, 20), "LSCB Executive Board", TODAY, new BoardDecision(false, null)))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void cannotSignOffBeforeReportDrafted() {
        fixture.given(commissioned(), returnsClosed(), analysed(), held())
                .when(new SignOffReport(AUDIT, of(2017, 9, 20), "LSCB Executive Board", TODAY))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("Cannot sign off audit rbr-2017-missing: it is challenge day held, and must be report drafted first.");
    }

    @Test
    void cannotSignOffOnADayBeforeTheDraft() {
        fixture.given(commissioned(), returnsClosed(), analysed(), held(), drafted())
                .when(new SignOffReport(AUDIT, of(2017, 9, 4), "LSCB Executive Board", TODAY))
                .expectException(RuleViolation.class).expectNoEvents();
    }

    @Test
    void monitoringStartsAfterSignOff() {
        fixture.given(commissioned(), returnsClosed(), analysed(), held(), drafted(), signedOff())
                .when(new StartMonitoring(AUDIT, of(2017, 10, 3), "QA Sub-Group", TODAY))
                .expectEvents(monitoring());
    }

    @Test
    void cannotStartMonitoringBeforeSignOff() {
        fixture.given(commissioned(), returnsClosed(), analysed(), held(), drafted())
                .when(new StartMonitoring(AUDIT, of(2017, 10, 3), "QA Sub-Group", TODAY))
                .expectException(RuleViolation.class).expectNoEvents();
    }

    @Test
    void aMonitoredAuditIsClosedWithItsEvaluation() {
        fixture.given(commissioned(), returnsClosed(), analysed(), held(), drafted(), signedOff(), monitoring(),
                        new AuditLearningDisseminated(AUDIT, PROGRAMME, "briefing", AuditLearningDisseminated.Channel.MULTI_AGENCY_BRIEFING,
                                "Key learning", "All partners", of(2017, 10, 10), "qa"))
                .when(new CloseAudit(AUDIT, of(2018, 4, 17), "QA Sub-Group", "Return home interviews now reach the plan", TODAY))
                .expectEvents(new AuditClosed(AUDIT, PROGRAMME, of(2018, 4, 17), "QA Sub-Group",
                        "Return home interviews now reach the plan"));
    }

    @Test
    void cannotCloseWithoutAnEvaluation() {
        fixture.given(commissioned(), returnsClosed(), analysed(), held(), drafted(), signedOff(), monitoring())
                .when(new CloseAudit(AUDIT, of(2018, 4, 17), "QA Sub-Group", " ", TODAY))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("An audit is closed with an evaluation of its impact.");
    }

    @Test
    void cannotCloseAnAuditThatIsNotMonitored() {
        fixture.given(commissioned(), returnsClosed(), analysed(), held(), drafted(), signedOff())
                .when(new CloseAudit(AUDIT, of(2018, 4, 17), "QA Sub-Group", "Done", TODAY))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("Cannot close audit rbr-2017-missing: it is signed off, and must be monitoring first.");
    }

    @Test
    void aMilestoneNotYetReachedCanBeRescheduledWithWhoAndWhy() {
        PlannedDate october = new PlannedDate(of(2017, 10, 1), PlannedDate.Precision.MONTH);
        fixture.given(planned(), commissioned())
                .when(new RescheduleMilestone(AUDIT, Milestone.SIGNED_OFF, october, "LSCB Executive", "Board meeting moved"))
                .expectEvents(new AuditMilestoneRescheduled(AUDIT, PROGRAMME, Milestone.SIGNED_OFF,
                        PlannedDate.day(of(2017, 9, 20)), october, "LSCB Executive", "Board meeting moved"));
    }

    @Test
    void cannotRescheduleWithoutAReason() {
        fixture.given(planned())
                .when(new RescheduleMilestone(AUDIT, Milestone.SIGNED_OFF, PlannedDate.day(of(2017, 10, 18)), "LSCB Executive", ""))
                .expectException(RuleViolation.class).expectNoEvents();
    }

    @Test
    void cannotRescheduleAMilestoneAlreadyReached() {
        fixture.given(planned(), commissioned())
                .when(new RescheduleMilestone(AUDIT, Milestone.TOOL_SENT, PlannedDate.day(of(2017, 7, 10)), "QA", "Late"))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("The milestone TOOL_SENT of audit rbr-2017-missing has already been reached.");
    }

    @Test
    void cannotRescheduleTheReturnDeadlineAfterCommissioning() {
        fixture.given(planned(), commissioned())
                .when(new RescheduleMilestone(AUDIT, Milestone.RETURNS_CLOSED, PlannedDate.day(of(2017, 8, 14)), "QA", "Late"))
                .expectException(RuleViolation.class).expectNoEvents();
    }

    @Test
    void cannotRescheduleTheChallengeDayOnceCommissioned() {
        fixture.given(planned(), commissioned())
                .when(new RescheduleMilestone(AUDIT, Milestone.CHALLENGE_DAY, PlannedDate.day(of(2017, 8, 23)), "QA", "Late"))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("Schedule the challenge day instead, so that its rules of time are checked.");
    }

    @Test
    void aPlannedActivityIsCompletedOnce() {
        fixture.given(planned())
                .when(new CompleteActivity(AUDIT, "missing-panels", of(2017, 8, 10), TODAY))
                .expectEvents(new AuditActivityCompleted(AUDIT, PROGRAMME, "missing-panels", of(2017, 8, 10)));
        fixture.given(planned(), new AuditActivityCompleted(AUDIT, PROGRAMME, "missing-panels", of(2017, 8, 10)))
                .when(new CompleteActivity(AUDIT, "missing-panels", of(2017, 8, 11), TODAY))
                .expectException(RuleViolation.class);
    }

    @Test
    void cannotCompleteAnActivityAfterTheDayItIsRecorded() {
        fixture.given(planned())
                .when(new CompleteActivity(AUDIT, "missing-panels", TODAY.plusDays(1), TODAY))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("An activity cannot be completed in the future.");
    }

    @Test
    void cannotCompleteAnActivityThatWasNotPlanned() {
        fixture.given(planned())
                .when(new CompleteActivity(AUDIT, "youth-council", of(2017, 8, 10), TODAY))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("Audit rbr-2017-missing has no planned activity 'youth-council'.");
    }
}
