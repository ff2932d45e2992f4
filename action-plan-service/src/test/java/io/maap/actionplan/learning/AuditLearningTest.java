package io.maap.actionplan.learning;

import io.maap.actionplan.aspect.command.AspectCatalogue;
import io.maap.actionplan.aspect.command.Aspects;
import io.maap.actionplan.learning.command.AddAction;
import io.maap.actionplan.learning.command.AgreeActionPlan;
import io.maap.actionplan.learning.command.AuditLearning;
import io.maap.actionplan.learning.command.CloseAction;
import io.maap.actionplan.learning.command.ConfirmActionClosure;
import io.maap.actionplan.learning.command.ProposeActionClosure;
import io.maap.actionplan.learning.command.ReturnClosureProposal;
import io.maap.actionplan.learning.command.DisseminateActionPlan;
import io.maap.actionplan.learning.command.DraftActionPlan;
import io.maap.actionplan.learning.command.RecogniseGoodPractice;
import io.maap.actionplan.learning.command.RecordFinding;
import io.maap.actionplan.learning.command.RegisterAudit;
import io.maap.actionplan.learning.command.ReopenAction;
import io.maap.actionplan.learning.command.ReportProgress;
import io.maap.actionplan.learning.command.StartMonitoringRound;
import io.maap.actionplan.learning.event.AuditRegistered;
import io.maap.actionplan.learning.event.MonitoringRoundScheduled;
import io.maap.actionplan.learning.event.MonitoringRoundsPaused;
import io.maap.events.actionplan.ActionAdded;
import io.maap.events.actionplan.ActionClosed;
import io.maap.events.actionplan.ActionClosureProposed;
import io.maap.events.actionplan.ActionClosureReturned;
import io.maap.events.actionplan.ActionOverdue;
import io.maap.events.actionplan.ActionPlanAgreed;
import io.maap.events.actionplan.ActionPlanDisseminated;
import io.maap.events.actionplan.ActionPlanDrafted;
import io.maap.events.actionplan.ActionProgressReported;
import io.maap.events.actionplan.ActionReopened;
import io.maap.events.actionplan.ActionUpdateMissed;
import io.maap.events.actionplan.ActionUpdateRequested;
import io.maap.events.actionplan.FindingKind;
import io.maap.events.actionplan.FindingRecorded;
import io.maap.events.actionplan.GoodPracticeRecognised;
import io.maap.events.actionplan.Rag;
import io.maap.events.auditprogramme.PlannedDate;
import io.maap.events.auditprogramme.Section11AuditPlanned;
import io.maap.support.calendar.WorkingDayCalendar;
import io.maap.support.deadline.DeadlineTime;
import io.maap.support.domain.ActorAccess;
import io.maap.support.domain.BoardDecision;
import io.maap.support.domain.NotVisible;
import io.maap.support.domain.RuleViolation;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

class AuditLearningTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final String AUDIT = "rbr-2017-neglect";
    private static final String PROGRAMME = "redbridge-2017-18";
    private static final LocalDate CHALLENGE_DAY = LocalDate.of(2017, 6, 9);
    private static final LocalDate BOARD = LocalDate.of(2017, 7, 18);
    private static final LocalDate DUE = LocalDate.of(2017, 12, 31);
    private static final List<String> AGENCIES = List.of("lbr-childrens-social-care", "met-police", "nelft");

    private static final AuditRegistered REGISTERED = new AuditRegistered(AUDIT, PROGRAMME, "Neglect", "Neglect", AGENCIES);
    private static final FindingRecorded OVERSIGHT = new FindingRecorded("f1", AUDIT, PROGRAMME, "management-oversight",
            "Management oversight and supervision", FindingKind.AREA_FOR_IMPROVEMENT, List.of("lbr-childrens-social-care"),
            List.of("RBR-1704-N01"), "Oversight evident but inconsistent", "Reflective supervision recorded monthly",
            "QA Manager", CHALLENGE_DAY);
    private static final FindingRecorded VOICE = new FindingRecorded("f2", AUDIT, PROGRAMME, "voice-of-the-child",
            "Voice of the child", FindingKind.GOOD_PRACTICE, List.of("nelft"), List.of("RBR-1704-N02"),
            "Health visitor recorded the child's wishes in detail", "Share as a practice example", "QA Manager", CHALLENGE_DAY);
    private static final ActionPlanDrafted DRAFTED = new ActionPlanDrafted("p1", AUDIT, PROGRAMME, null,
            "Neglect audit action plan", "QA Manager", BOARD.minusDays(14));
    private static final ActionAdded ADDED = new ActionAdded("a1", "p1", AUDIT, PROGRAMME,
            "Introduce monthly reflective supervision audits", "lbr-childrens-social-care", "Head of Service", DUE,
            List.of("f1"), "Dip sample shows supervision on 90% of files", BOARD.minusDays(14));
    private static final ActionPlanAgreed AGREED = new ActionPlanAgreed("p1", AUDIT, PROGRAMME, null, 1, "LSCB Board",
            BOARD, 3, BOARD.plusMonths(3));
    private static final MonitoringRoundScheduled FIRST_ROUND = new MonitoringRoundScheduled(AUDIT, "p1", 1,
            BOARD.plusMonths(3));
    /** The owning agency's lead officer, as commands on an action name their actor. */
    private static final ActorAccess OWNER = ActorAccess.ofAgency("LEAD_OFFICER", "lbr-childrens-social-care");
    private static final ActionClosed CLOSED = new ActionClosed("a1", "p1", AUDIT, PROGRAMME, "lbr-childrens-social-care",
            "Re-audit: supervision evident on 19 of 20 files", "QA Sub-Group", LocalDate.of(2017, 11, 1), DUE);

    private AggregateTestFixture<AuditLearning> fixture;
    private final Map<String, String> aspects = new LinkedHashMap<>(Aspects.DEFAULTS);

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(AuditLearning.class);
        fixture.registerInjectableResource((AspectCatalogue) () -> aspects);
        fixture.registerInjectableResource(WorkingDayCalendar.englandAndWales());
    }

    /**
     * Deadlines that fire learn the time from the service's clock, through the same interceptor the
     * service registers; here a clock fixed at {@code day}, the day the test advances to.
     */
    private AggregateTestFixture<AuditLearning> deadlinesFireOn(LocalDate day) {
        fixture.registerDeadlineHandlerInterceptor(new DeadlineTime(Clock.fixed(startOf(day), LONDON)));
        return fixture;
    }

    private static RecordFinding recordOversight() {
        return new RecordFinding(AUDIT, "f1", "management-oversight", FindingKind.AREA_FOR_IMPROVEMENT,
                List.of("lbr-childrens-social-care"), List.of("RBR-1704-N01"), "Oversight evident but inconsistent",
                "Reflective supervision recorded monthly", "QA Manager", CHALLENGE_DAY);
    }

    private static AddAction addAction(String actionId, LocalDate due) {
        return new AddAction(AUDIT, "p1", actionId, "Introduce monthly reflective supervision audits",
                "lbr-childrens-social-care", "Head of Service", due, List.of("f1"),
                "Dip sample shows supervision on 90% of files", BOARD.minusDays(14));
    }

    private static Instant startOf(LocalDate date) {
        return date.atStartOfDay(LONDON).toInstant();
    }

    // Findings

    @Test
    void canRecordAFindingUnderADefaultAspect() {
        fixture.given(REGISTERED)
                .when(recordOversight())
                .expectEvents(OVERSIGHT);
    }

    @Test
    void cannotRecordAFindingAgainstAnUnknownAudit() {
        fixture.givenNoPriorActivity()
                .when(recordOversight())
                .expectException(RuleViolation.class)
                .expectExceptionMessage("Audit 'rbr-2017-neglect' is not known here: findings and plans are recorded "
                        + "only against a commissioned audit (its commissioning may take a moment to arrive).")
                .expectNoEvents();
    }

    @Test
    void cannotRecordAFindingUnderAnUnregisteredAspect() {
        fixture.given(REGISTERED)
                .when(new RecordFinding(AUDIT, "f9", "transitions", FindingKind.AREA_FOR_IMPROVEMENT, List.of(), List.of(),
                        "s", "r", "QA Manager", CHALLENGE_DAY))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void canRecordAFindingUnderAnAspectThePartnershipRegistered() {
        aspects.put("transitions", "Transitions to adult services");
        fixture.given(REGISTERED)
                .when(new RecordFinding(AUDIT, "f9", "transitions", FindingKind.AREA_FOR_IMPROVEMENT, List.of(), List.of(),
                        "s", "r", "QA Manager", CHALLENGE_DAY))
                .expectEvents(new FindingRecorded("f9", AUDIT, PROGRAMME, "transitions", "Transitions to adult services",
                        FindingKind.AREA_FOR_IMPROVEMENT, List.of(), List.of(), "s", "r", "QA Manager", CHALLENGE_DAY));
    }

    @Test
    void cannotRecordAFindingAboutAnAgencyOutsideTheAudit() {
        fixture.given(REGISTERED)
                .when(new RecordFinding(AUDIT, "f9", "recording", FindingKind.AREA_FOR_IMPROVEMENT, List.of("bhrut"),
                        List.of(), "s", "r", "QA Manager", CHALLENGE_DAY))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("'bhrut' did not take part in audit 'rbr-2017-neglect'.");
    }

    @Test
    void recordingTheSameFindingAgainChangesNothing() {
        fixture.given(REGISTERED, OVERSIGHT)
                .when(recordOversight())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void cannotReuseAFindingIdForAnotherFinding() {
        fixture.given(REGISTERED, OVERSIGHT)
                .when(new RecordFinding(AUDIT, "f1", "recording", FindingKind.AREA_FOR_IMPROVEMENT, List.of(), List.of(),
                        "other", "r", "QA Manager", CHALLENGE_DAY))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void canRecogniseGoodPracticeOnce() {
        fixture.given(REGISTERED, VOICE)
                .when(new RecogniseGoodPractice(AUDIT, "f2", "LSCB Independent Chair", BOARD, "Letter to NELFT"))
                .expectEvents(new GoodPracticeRecognised("f2", AUDIT, PROGRAMME, "voice-of-the-child", List.of("nelft"),
                        "LSCB Independent Chair", BOARD, "Letter to NELFT"));
    }

    @Test
    void recognisingGoodPracticeAgainChangesNothing() {
        fixture.given(REGISTERED, VOICE, new GoodPracticeRecognised("f2", AUDIT, PROGRAMME, "voice-of-the-child",
                        List.of("nelft"), "LSCB Independent Chair", BOARD, "Letter to NELFT"))
                .when(new RecogniseGoodPractice(AUDIT, "f2", "LSCB Independent Chair", BOARD, "Letter to NELFT"))
                .expectNoEvents();
    }

    @Test
    void cannotRecogniseAnAreaForImprovementAsGoodPractice() {
        fixture.given(REGISTERED, OVERSIGHT)
                .when(new RecogniseGoodPractice(AUDIT, "f1", "LSCB Independent Chair", BOARD, "n"))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void cannotRecogniseAFindingTheAuditDoesNotHave() {
        fixture.given(REGISTERED, OVERSIGHT)
                .when(new RecogniseGoodPractice(AUDIT, "f9", "LSCB Independent Chair", BOARD, "n"))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("Audit 'rbr-2017-neglect' has no finding 'f9'.")
                .expectNoEvents();
    }

    // Plans and actions

    @Test
    void canDraftAnActionPlanForTheAudit() {
        fixture.given(REGISTERED)
                .when(new DraftActionPlan(AUDIT, "p1", null, "Neglect audit action plan", "QA Manager", BOARD.minusDays(14)))
                .expectEvents(DRAFTED);
    }

    @Test
    void cannotDraftAnActionPlanForAnUnknownAudit() {
        fixture.givenNoPriorActivity()
                .when(new DraftActionPlan(AUDIT, "p1", null, "Plan", "QA Manager", BOARD))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    // Section 11: the audit is known from its planning; each agency sends its own plan

    private static final String S11 = "rbr-s11-2016-18";
    private static final Section11AuditPlanned S11_PLANNED = new Section11AuditPlanned(S11, PROGRAMME,
            "Section 11 Audit 2016 - 2018", List.of("6", "8"), "LSCB Quality Assurance Manager", "2016 - 2018",
            List.of("met-police", "nelft"), new PlannedDate(LocalDate.of(2016, 12, 1), PlannedDate.Precision.MONTH),
            new PlannedDate(LocalDate.of(2018, 12, 1), PlannedDate.Precision.MONTH), List.of());

    @Test
    void aPlannedSection11AuditIsKnownWithItsSelfAssessingAgencies() {
        fixture.givenNoPriorActivity()
                .when(RegisterAudit.of(S11_PLANNED))
                .expectEvents(new AuditRegistered(S11, PROGRAMME, "Section 11 Audit 2016 - 2018", "Section 11",
                        List.of("met-police", "nelft")));
    }

    @Test
    void canDraftOnePlanPerAgencyForASection11Audit() {
        fixture.givenCommands(RegisterAudit.of(S11_PLANNED))
                .andGiven(new ActionPlanDrafted("p-police", S11, PROGRAMME, "met-police", "S11 Police", "SPOC", BOARD))
                .when(new DraftActionPlan(S11, "p-nelft", "nelft", "S11 NELFT", "SPOC", BOARD))
                .expectEvents(new ActionPlanDrafted("p-nelft", S11, PROGRAMME, "nelft", "S11 NELFT", "SPOC", BOARD));
    }

    @Test
    void aSection11ActionPlanNamesItsAgency() {
        fixture.givenCommands(RegisterAudit.of(S11_PLANNED))
                .when(new DraftActionPlan(S11, "p1", null, "Partnership plan", "QA Manager", BOARD))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("A Section 11 action plan is an agency's own: name the agency.");
    }

    @Test
    void aChallengePanelsFindingIsRecordedAgainstTheSection11Audit() {
        FindingRecorded panel = new FindingRecorded("panel-police", S11, PROGRAMME, "management-oversight",
                "Management oversight and supervision", FindingKind.AREA_FOR_IMPROVEMENT, List.of("met-police"),
                List.of(), "Self-assessment overstated supervision", "Evidence supervision in the resubmission",
                "Independent chair", LocalDate.of(2017, 2, 20));
        fixture.givenCommands(RegisterAudit.of(S11_PLANNED))
                .when(new RecordFinding(S11, "panel-police", "management-oversight", FindingKind.AREA_FOR_IMPROVEMENT,
                        List.of("met-police"), List.of(), "Self-assessment overstated supervision",
                        "Evidence supervision in the resubmission", "Independent chair", LocalDate.of(2017, 2, 20)))
                .expectEvents(panel);
    }

    @Test
    void cannotDraftASecondPlanForTheSameAgency() {
        fixture.givenCommands(RegisterAudit.of(S11_PLANNED))
                .andGiven(new ActionPlanDrafted("p-police", S11, PROGRAMME, "met-police", "S11 Police", "SPOC", BOARD))
                .when(new DraftActionPlan(S11, "p-police-2", "met-police", "S11 Police again", "SPOC", BOARD))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void addingAnActionSchedulesItsOverdueCheckForTheFirstWorkingDayAfterItIsDue() {
        // Due Sunday 31 December 2017: New Year's Day is a bank holiday, so it is overdue from Tuesday 2 January.
        fixture.given(REGISTERED, OVERSIGHT, DRAFTED)
                .when(addAction("a1", DUE))
                .expectEvents(ADDED)
                .expectScheduledDeadlineWithName(startOf(LocalDate.of(2018, 1, 2)), "action-overdue");
    }

    @Test
    void cannotAddAnActionAddressingAFindingTheAuditDoesNotHave() {
        fixture.given(REGISTERED, DRAFTED)
                .when(addAction("a1", DUE))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("Audit 'rbr-2017-neglect' has no finding 'f1'.");
    }

    @Test
    void cannotAddAnActionOwnedByAnotherAgencyToAnAgencysOwnPlan() {
        fixture.given(REGISTERED, OVERSIGHT, new ActionPlanDrafted("p1", AUDIT, PROGRAMME, "met-police", "S11 Police",
                        "SPOC", BOARD))
                .when(addAction("a1", DUE))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void cannotAddAnActionToAnAgreedPlan() {
        fixture.given(REGISTERED, OVERSIGHT, DRAFTED, ADDED, AGREED, FIRST_ROUND)
                .when(addAction("a2", DUE))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void cannotAgreeAnEmptyPlan() {
        fixture.given(REGISTERED, DRAFTED)
                .when(new AgreeActionPlan(AUDIT, "p1", "LSCB Board", BOARD, 3))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("A plan needs at least one action before the Board agrees it.");
    }

    @Test
    void agreeingAPlanSchedulesTheFirstQuarterlyMonitoringRound() {
        fixture.given(REGISTERED, OVERSIGHT, DRAFTED, ADDED)
                .when(new AgreeActionPlan(AUDIT, "p1", "LSCB Board", BOARD, 3))
                .expectEvents(AGREED, FIRST_ROUND)
                .expectScheduledDeadlineWithName(startOf(LocalDate.of(2017, 10, 18)), "monitoring-round");
    }

    @Test
    void cannotDisseminateAPlanBeforeTheBoardAgreesIt() {
        fixture.given(REGISTERED, OVERSIGHT, DRAFTED, ADDED)
                .when(new DisseminateActionPlan(AUDIT, "p1", List.of("all partners"), "LSCB Business Manager", BOARD))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void canDisseminateAnAgreedPlan() {
        fixture.given(REGISTERED, OVERSIGHT, DRAFTED, ADDED, AGREED, FIRST_ROUND)
                .when(new DisseminateActionPlan(AUDIT, "p1", List.of("all partners"), "LSCB Business Manager", BOARD))
                .expectEvents(new ActionPlanDisseminated("p1", AUDIT, PROGRAMME, null, List.of("all partners"),
                        "LSCB Business Manager", BOARD));
    }

    @Test
    void addingTheSameActionAgainChangesNothing() {
        fixture.given(REGISTERED, OVERSIGHT, DRAFTED, ADDED)
                .when(addAction("a1", DUE))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectNoScheduledDeadlines();
    }

    @Test
    void cannotReuseAnActionIdForAnotherAction() {
        fixture.given(REGISTERED, OVERSIGHT, DRAFTED, ADDED)
                .when(addAction("a1", DUE.plusDays(1)))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("The action a1 already exists with other details.");
    }

    @Test
    void cannotAddAnActionToAPlanTheAuditDoesNotHave() {
        fixture.given(REGISTERED, OVERSIGHT)
                .when(addAction("a1", DUE))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("Audit 'rbr-2017-neglect' has no action plan 'p1'.");
    }

    @Test
    void cannotAgreeAPlanTheAuditDoesNotHave() {
        fixture.given(REGISTERED, OVERSIGHT, DRAFTED, ADDED)
                .when(new AgreeActionPlan(AUDIT, "p9", "LSCB Board", BOARD, 3))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("Audit 'rbr-2017-neglect' has no action plan 'p9'.")
                .expectNoEvents();
    }

    @Test
    void agreeingAPlanAgainChangesNothing() {
        fixture.given(REGISTERED, OVERSIGHT, DRAFTED, ADDED, AGREED, FIRST_ROUND)
                .when(new AgreeActionPlan(AUDIT, "p1", "LSCB Board", BOARD, 3))
                .expectNoEvents()
                .expectNoScheduledDeadlines();
    }

    // Monitoring

    @Test
    void progressUpdatesAreNewRecordsNeverOverwrites() {
        ActionProgressReported first = new ActionProgressReported("u1", "a1", "p1", AUDIT, PROGRAMME,
                "lbr-childrens-social-care", Rag.AMBER, "Audit tool drafted", "Head of Service", BOARD.plusMonths(1), null);
        fixture.given(REGISTERED, OVERSIGHT, DRAFTED, ADDED, AGREED, FIRST_ROUND, first)
                .when(new ReportProgress(AUDIT, "a1", "u2", Rag.GREEN, "First dip sample done", "Head of Service",
                        BOARD.plusMonths(2), OWNER))
                .expectEvents(new ActionProgressReported("u2", "a1", "p1", AUDIT, PROGRAMME, "lbr-childrens-social-care",
                        Rag.GREEN, "First dip sample done", "Head of Service", BOARD.plusMonths(2), null));
    }

    @Test
    void cannotChangeAnEarlierProgressUpdate() {
        ActionProgressReported first = new ActionProgressReported("u1", "a1", "p1", AUDIT, PROGRAMME,
                "lbr-childrens-social-care", Rag.AMBER, "Audit tool drafted", "Head of Service", BOARD.plusMonths(1), null);
        fixture.given(REGISTERED, OVERSIGHT, DRAFTED, ADDED, AGREED, FIRST_ROUND, first)
                .when(new ReportProgress(AUDIT, "a1", "u1", Rag.GREEN, "Rewritten", "Head of Service", BOARD.plusMonths(1), OWNER))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void cannotReportProgressBeforeThePlanIsAgreed() {
        fixture.given(REGISTERED, OVERSIGHT, DRAFTED, ADDED)
                .when(new ReportProgress(AUDIT, "a1", "u1", Rag.GREEN, "n", "Head of Service", BOARD, OWNER))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void aQuarterlyRoundAsksEveryOpenActionsOwnerAndMarksMissingUpdates() {
        LocalDate roundOn = LocalDate.of(2017, 10, 18);
        LocalDate updateDueBy = LocalDate.of(2017, 11, 1);
        deadlinesFireOn(roundOn).givenCurrentTime(startOf(BOARD))
                .andGivenCommands(new RegisterAudit(AUDIT, PROGRAMME, "Neglect", "Neglect", AGENCIES), recordOversight(),
                        new DraftActionPlan(AUDIT, "p1", null, "Neglect audit action plan", "QA Manager", BOARD.minusDays(14)),
                        addAction("a1", DUE), addAction("a2", DUE), new AgreeActionPlan(AUDIT, "p1", "LSCB Board", BOARD, 3),
                        new CloseAction(AUDIT, "a2", "Re-audit shows change", "QA Sub-Group", BOARD.plusDays(1)))
                .whenThenTimeAdvancesTo(startOf(roundOn))
                .expectEvents(
                        new ActionUpdateRequested("p1-q1", "a1", "p1", AUDIT, PROGRAMME, "lbr-childrens-social-care",
                                "Head of Service", roundOn, updateDueBy),
                        new MonitoringRoundScheduled(AUDIT, "p1", 2, LocalDate.of(2018, 1, 18)))
                .expectScheduledDeadlineWithName(startOf(updateDueBy.plusDays(1)), "monitoring-updates-due")
                .expectTriggeredDeadlinesWithName("monitoring-round");
    }

    @Test
    void anUpdateNotGivenByItsDueDateIsMarkedMissed() {
        LocalDate roundOn = LocalDate.of(2017, 10, 18);
        LocalDate updateDueBy = LocalDate.of(2017, 11, 1);
        deadlinesFireOn(updateDueBy.plusDays(1)).givenCurrentTime(startOf(BOARD))
                .andGivenCommands(new RegisterAudit(AUDIT, PROGRAMME, "Neglect", "Neglect", AGENCIES), recordOversight(),
                        new DraftActionPlan(AUDIT, "p1", null, "Neglect audit action plan", "QA Manager", BOARD.minusDays(14)),
                        addAction("a1", DUE), addAction("a2", DUE), new AgreeActionPlan(AUDIT, "p1", "LSCB Board", BOARD, 6),
                        new StartMonitoringRound(AUDIT, "p1", "october-board", roundOn, updateDueBy),
                        new ReportProgress(AUDIT, "a2", "u1", Rag.GREEN, "Done most of it", "Head of Service", roundOn, OWNER))
                .whenThenTimeAdvancesTo(startOf(updateDueBy.plusDays(1)))
                .expectEvents(new ActionUpdateMissed("october-board", "a1", "p1", AUDIT, PROGRAMME,
                        "lbr-childrens-social-care", "Head of Service", updateDueBy))
                .expectTriggeredDeadlinesWithName("monitoring-updates-due");
    }

    @Test
    void aProgressReportAnswersTheRoundThatAskedForIt() {
        LocalDate roundOn = LocalDate.of(2017, 10, 18);
        fixture.given(REGISTERED, OVERSIGHT, DRAFTED, ADDED, AGREED, FIRST_ROUND,
                        new ActionUpdateRequested("p1-q1", "a1", "p1", AUDIT, PROGRAMME, "lbr-childrens-social-care",
                                "Head of Service", roundOn, LocalDate.of(2017, 11, 1)))
                .when(new ReportProgress(AUDIT, "a1", "u1", Rag.RED, "Staff shortages", "Head of Service", roundOn, OWNER))
                .expectEvents(new ActionProgressReported("u1", "a1", "p1", AUDIT, PROGRAMME, "lbr-childrens-social-care",
                        Rag.RED, "Staff shortages", "Head of Service", roundOn, "p1-q1"));
    }

    @Test
    void aRoundThatFiresLongAfterItsDateAsksOnceTodayInsteadOfReplayingEveryQuarter() {
        LocalDate today = LocalDate.of(2019, 3, 4);
        // The service wakes up on 4 March 2019 to deadlines that fell due while it was down.
        deadlinesFireOn(today).givenCurrentTime(startOf(BOARD))
                .andGivenCommands(new RegisterAudit(AUDIT, PROGRAMME, "Neglect", "Neglect", AGENCIES), recordOversight(),
                        new DraftActionPlan(AUDIT, "p1", null, "Neglect audit action plan", "QA Manager", BOARD.minusDays(14)),
                        addAction("a1", DUE), new AgreeActionPlan(AUDIT, "p1", "LSCB Board", BOARD, 3))
                .whenThenTimeAdvancesTo(startOf(today))
                .expectEvents(
                        new ActionUpdateRequested("p1-q1", "a1", "p1", AUDIT, PROGRAMME, "lbr-childrens-social-care",
                                "Head of Service", today, LocalDate.of(2019, 3, 18)),
                        new MonitoringRoundScheduled(AUDIT, "p1", 2, LocalDate.of(2019, 6, 4)),
                        new ActionOverdue("a1", "p1", AUDIT, PROGRAMME, "lbr-childrens-social-care", "Head of Service", DUE));
    }

    @Test
    void aReportDatedBeforeTheRoundAskedDoesNotAnswerIt() {
        LocalDate roundOn = LocalDate.of(2017, 10, 18);
        fixture.given(REGISTERED, OVERSIGHT, DRAFTED, ADDED, AGREED, FIRST_ROUND,
                        new ActionUpdateRequested("p1-q1", "a1", "p1", AUDIT, PROGRAMME, "lbr-childrens-social-care",
                                "Head of Service", roundOn, LocalDate.of(2017, 11, 1)))
                .when(new ReportProgress(AUDIT, "a1", "u1", Rag.GREEN, "Entered late", "Head of Service",
                        roundOn.minusDays(20), OWNER))
                .expectEvents(new ActionProgressReported("u1", "a1", "p1", AUDIT, PROGRAMME, "lbr-childrens-social-care",
                        Rag.GREEN, "Entered late", "Head of Service", roundOn.minusDays(20), null));
    }

    @Test
    void aRoundWithNoOpenActionPausesTheQuarterlyRounds() {
        deadlinesFireOn(LocalDate.of(2017, 10, 18)).givenCurrentTime(startOf(BOARD))
                .andGivenCommands(new RegisterAudit(AUDIT, PROGRAMME, "Neglect", "Neglect", AGENCIES), recordOversight(),
                        new DraftActionPlan(AUDIT, "p1", null, "Neglect audit action plan", "QA Manager", BOARD.minusDays(14)),
                        addAction("a1", DUE), new AgreeActionPlan(AUDIT, "p1", "LSCB Board", BOARD, 3),
                        new CloseAction(AUDIT, "a1", "Re-audit shows change", "QA Sub-Group", BOARD.plusDays(1)))
                .whenThenTimeAdvancesTo(startOf(LocalDate.of(2017, 10, 18)))
                .expectEvents(new MonitoringRoundsPaused(AUDIT, "p1", 1));
    }

    @Test
    void aRoundAskedForByHandAsksEveryOpenActionsOwner() {
        LocalDate requestedOn = LocalDate.of(2017, 9, 1);
        LocalDate updateDueBy = LocalDate.of(2017, 9, 15);
        fixture.given(REGISTERED, OVERSIGHT, DRAFTED, ADDED, AGREED, FIRST_ROUND)
                .when(new StartMonitoringRound(AUDIT, "p1", "september-board", requestedOn, updateDueBy))
                .expectEvents(new ActionUpdateRequested("september-board", "a1", "p1", AUDIT, PROGRAMME,
                        "lbr-childrens-social-care", "Head of Service", requestedOn, updateDueBy))
                .expectScheduledDeadlineWithName(startOf(updateDueBy.plusDays(1)), "monitoring-updates-due");
    }

    @Test
    void startingTheSameRoundAgainChangesNothing() {
        LocalDate requestedOn = LocalDate.of(2017, 9, 1);
        fixture.given(REGISTERED, OVERSIGHT, DRAFTED, ADDED, AGREED, FIRST_ROUND,
                        new ActionUpdateRequested("september-board", "a1", "p1", AUDIT, PROGRAMME,
                                "lbr-childrens-social-care", "Head of Service", requestedOn, requestedOn.plusDays(14)))
                .when(new StartMonitoringRound(AUDIT, "p1", "september-board", requestedOn, requestedOn.plusDays(14)))
                .expectNoEvents()
                .expectNoScheduledDeadlines();
    }

    @Test
    void cannotStartARoundWhenEveryActionIsClosed() {
        fixture.given(REGISTERED, OVERSIGHT, DRAFTED, ADDED, AGREED, FIRST_ROUND, CLOSED)
                .when(new StartMonitoringRound(AUDIT, "p1", "r1", DUE, DUE.plusDays(10)))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("Plan 'p1' has no open action to ask about.");
    }

    @Test
    void reopeningAnActionRestartsPausedRoundsOneIntervalLater() {
        LocalDate reopenedOn = LocalDate.of(2017, 12, 5);
        fixture.given(REGISTERED, OVERSIGHT, DRAFTED, ADDED, AGREED, FIRST_ROUND, CLOSED,
                        new MonitoringRoundsPaused(AUDIT, "p1", 1))
                .when(new ReopenAction(AUDIT, "a1", "January re-audit found supervision lapsed", "QA Sub-Group",
                        reopenedOn))
                .expectEvents(new ActionReopened("a1", "p1", AUDIT, PROGRAMME, "lbr-childrens-social-care",
                                "January re-audit found supervision lapsed", "QA Sub-Group", reopenedOn),
                        new MonitoringRoundScheduled(AUDIT, "p1", 2, LocalDate.of(2018, 3, 5)))
                .expectScheduledDeadlineWithName(startOf(LocalDate.of(2018, 3, 5)), "monitoring-round");
    }

    @Test
    void cannotStartARoundForAPlanThatIsNotAgreed() {
        fixture.given(REGISTERED, OVERSIGHT, DRAFTED, ADDED)
                .when(new StartMonitoringRound(AUDIT, "p1", "r1", BOARD, BOARD.plusDays(10)))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    // Overdue

    @Test
    void anActionStillOpenAfterItsDueDateIsFlaggedOverdueExactlyOnce() {
        LocalDate due = LocalDate.of(2017, 9, 29);
        deadlinesFireOn(LocalDate.of(2017, 12, 1)).givenCurrentTime(startOf(BOARD))
                .andGivenCommands(new RegisterAudit(AUDIT, PROGRAMME, "Neglect", "Neglect", AGENCIES), recordOversight(),
                        new DraftActionPlan(AUDIT, "p1", null, "Neglect audit action plan", "QA Manager", BOARD.minusDays(14)),
                        addAction("a1", due), new AgreeActionPlan(AUDIT, "p1", "LSCB Board", BOARD, 6))
                .whenThenTimeAdvancesTo(startOf(LocalDate.of(2017, 12, 1)))
                .expectEvents(new ActionOverdue("a1", "p1", AUDIT, PROGRAMME, "lbr-childrens-social-care",
                        "Head of Service", due))
                .expectTriggeredDeadlinesWithName("action-overdue");
    }

    @Test
    void anActionClosedBeforeItsDueDateIsNeverFlaggedOverdue() {
        deadlinesFireOn(LocalDate.of(2017, 12, 1)).givenCurrentTime(startOf(BOARD))
                .andGivenCommands(new RegisterAudit(AUDIT, PROGRAMME, "Neglect", "Neglect", AGENCIES), recordOversight(),
                        new DraftActionPlan(AUDIT, "p1", null, "Neglect audit action plan", "QA Manager", BOARD.minusDays(14)),
                        addAction("a1", LocalDate.of(2017, 9, 29)), new AgreeActionPlan(AUDIT, "p1", "LSCB Board", BOARD, 6),
                        new CloseAction(AUDIT, "a1", "Re-audit shows change", "QA Sub-Group", BOARD.plusDays(1)))
                .whenThenTimeAdvancesTo(startOf(LocalDate.of(2017, 12, 1)))
                .expectNoEvents()
                .expectTriggeredDeadlinesWithName("action-overdue");
    }

    @Test
    void anActionAlreadyFlaggedOverdueIsNotFlaggedAgainWhenReopened() {
        ActionOverdue overdue = new ActionOverdue("a1", "p1", AUDIT, PROGRAMME, "lbr-childrens-social-care",
                "Head of Service", DUE);
        LocalDate reopenedOn = DUE.plusDays(20);
        fixture.given(REGISTERED, OVERSIGHT, DRAFTED, ADDED, AGREED, FIRST_ROUND, overdue, CLOSED)
                .when(new ReopenAction(AUDIT, "a1", "Re-audit found lapses", "QA Sub-Group", reopenedOn))
                .expectEvents(new ActionReopened("a1", "p1", AUDIT, PROGRAMME, "lbr-childrens-social-care",
                        "Re-audit found lapses", "QA Sub-Group", reopenedOn))
                .expectNoScheduledDeadlines();
    }

    @Test
    void anActionClosedInTimeButReopenedAfterItsDueDateIsCheckedForOverdueAtOnce() {
        LocalDate reopenedOn = DUE.plusDays(20);
        fixture.given(REGISTERED, OVERSIGHT, DRAFTED, ADDED, AGREED, FIRST_ROUND, CLOSED)
                .when(new ReopenAction(AUDIT, "a1", "Re-audit found lapses", "QA Sub-Group", reopenedOn))
                .expectScheduledDeadlineWithName(startOf(reopenedOn), "action-overdue");
    }

    // Closure

    @Test
    void cannotCloseAnActionWithoutEvidenceOfImpact() {
        fixture.given(REGISTERED, OVERSIGHT, DRAFTED, ADDED, AGREED, FIRST_ROUND)
                .when(new CloseAction(AUDIT, "a1", "  ", "QA Sub-Group", LocalDate.of(2017, 11, 1)))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("An action is closed only with evidence of its impact: say what changed and how "
                        + "it is known.")
                .expectNoEvents();
    }

    @Test
    void canCloseAnActionWithEvidenceOfImpact() {
        fixture.given(REGISTERED, OVERSIGHT, DRAFTED, ADDED, AGREED, FIRST_ROUND)
                .when(new CloseAction(AUDIT, "a1", "Re-audit: supervision evident on 19 of 20 files", "QA Sub-Group",
                        LocalDate.of(2017, 11, 1)))
                .expectEvents(CLOSED);
    }

    @Test
    void cannotCloseAnActionOfAPlanNotYetAgreed() {
        fixture.given(REGISTERED, OVERSIGHT, DRAFTED, ADDED)
                .when(new CloseAction(AUDIT, "a1", "evidence", "QA Sub-Group", BOARD))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void cannotReportProgressOnAClosedAction() {
        fixture.given(REGISTERED, OVERSIGHT, DRAFTED, ADDED, AGREED, FIRST_ROUND, CLOSED)
                .when(new ReportProgress(AUDIT, "a1", "u9", Rag.GREEN, "n", "Head of Service", DUE, OWNER))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void canReopenAClosedActionWithAReason() {
        LocalDate reopenedOn = LocalDate.of(2017, 12, 5);
        fixture.given(REGISTERED, OVERSIGHT, DRAFTED, ADDED, AGREED, FIRST_ROUND, CLOSED)
                .when(new ReopenAction(AUDIT, "a1", "January re-audit found supervision lapsed", "QA Sub-Group", reopenedOn))
                .expectEvents(new ActionReopened("a1", "p1", AUDIT, PROGRAMME, "lbr-childrens-social-care",
                        "January re-audit found supervision lapsed", "QA Sub-Group", reopenedOn));
    }

    @Test
    void cannotReopenWithoutAReason() {
        fixture.given(REGISTERED, OVERSIGHT, DRAFTED, ADDED, AGREED, FIRST_ROUND, CLOSED)
                .when(new ReopenAction(AUDIT, "a1", "", "QA Sub-Group", DUE))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void cannotReopenAnOpenAction() {
        fixture.given(REGISTERED, OVERSIGHT, DRAFTED, ADDED, AGREED, FIRST_ROUND)
                .when(new ReopenAction(AUDIT, "a1", "why", "QA Sub-Group", DUE))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void reopeningAgainChangesNothing() {
        ActionReopened reopened = new ActionReopened("a1", "p1", AUDIT, PROGRAMME, "lbr-childrens-social-care",
                "Re-audit found lapses", "QA Sub-Group", DUE);
        fixture.given(REGISTERED, OVERSIGHT, DRAFTED, ADDED, AGREED, FIRST_ROUND, CLOSED, reopened)
                .when(new ReopenAction(AUDIT, "a1", "Re-audit found lapses", "QA Sub-Group", DUE))
                .expectNoEvents()
                .expectNoScheduledDeadlines();
    }

    @Test
    void cannotReportProgressOnAnActionTheAuditDoesNotHave() {
        fixture.given(REGISTERED, OVERSIGHT, DRAFTED, ADDED, AGREED, FIRST_ROUND)
                .when(new ReportProgress(AUDIT, "a9", "u1", Rag.GREEN, "n", "Head of Service", BOARD, OWNER))
                .expectException(NotVisible.class)
                .expectExceptionMessage("Audit 'rbr-2017-neglect' has no action 'a9'.")
                .expectNoEvents();
    }

    // Who may act on an action is decided here, from its owning agency, not by a read model that may lag

    private static final ActorAccess OTHER_AGENCY = ActorAccess.ofAgency("LEAD_OFFICER", "met-police");

    @Test
    void anotherAgencysLeadOfficerCannotReportProgressAndIsToldTheActionDoesNotExist() {
        fixture.given(REGISTERED, OVERSIGHT, DRAFTED, ADDED, AGREED, FIRST_ROUND)
                .when(new ReportProgress(AUDIT, "a1", "u1", Rag.GREEN, "n", "DI Brown", BOARD, OTHER_AGENCY))
                .expectException(NotVisible.class)
                .expectExceptionMessage("Audit 'rbr-2017-neglect' has no action 'a1'.")
                .expectNoEvents();
    }

    @Test
    void anotherAgencysLeadOfficerCannotProposeClosingTheAction() {
        fixture.given(REGISTERED, OVERSIGHT, DRAFTED, ADDED, AGREED, FIRST_ROUND)
                .when(new ProposeActionClosure(AUDIT, "a1", "Re-audit: supervision evident on 19 of 20 files",
                        "DI Brown", LocalDate.of(2018, 4, 3), OTHER_AGENCY))
                .expectException(NotVisible.class)
                .expectExceptionMessage("Audit 'rbr-2017-neglect' has no action 'a1'.")
                .expectNoEvents();
    }

    @Test
    void theQaCoordinatorReportsProgressOnAnyAgencysAction() {
        fixture.given(REGISTERED, OVERSIGHT, DRAFTED, ADDED, AGREED, FIRST_ROUND)
                .when(new ReportProgress(AUDIT, "a1", "u1", Rag.AMBER, "Reported at the monitoring meeting", "QA Manager",
                        BOARD, ActorAccess.partnership("QA_COORDINATOR")))
                .expectEvents(new ActionProgressReported("u1", "a1", "p1", AUDIT, PROGRAMME, "lbr-childrens-social-care",
                        Rag.AMBER, "Reported at the monitoring meeting", "QA Manager", BOARD, null));
    }

    @Test
    void aProgressReportThatNamesNoActorIsRefused() {
        fixture.given(REGISTERED, OVERSIGHT, DRAFTED, ADDED, AGREED, FIRST_ROUND)
                .when(new ReportProgress(AUDIT, "a1", "u1", Rag.GREEN, "n", "Head of Service", BOARD, null))
                .expectException(NotVisible.class)
                .expectNoEvents();
    }

    // Closure is the partnership's: the agency proposes with evidence, the QA coordinator or the Board decides

    private static final LocalDate APRIL_BOARD = LocalDate.of(2018, 4, 24);
    private static final ActionClosureProposed PROPOSED = new ActionClosureProposed("a1", "p1", AUDIT, PROGRAMME,
            "lbr-childrens-social-care", "Re-audit: supervision evident on 19 of 20 files", "Head of Service",
            LocalDate.of(2018, 4, 3));

    @Test
    void aLeadOfficerProposesClosureWithEvidenceAndTheActionStaysOpen() {
        fixture.given(REGISTERED, OVERSIGHT, DRAFTED, ADDED, AGREED, FIRST_ROUND)
                .when(new ProposeActionClosure(AUDIT, "a1", "Re-audit: supervision evident on 19 of 20 files",
                        "Head of Service", LocalDate.of(2018, 4, 3), OWNER))
                .expectEvents(PROPOSED);
    }

    @Test
    void aClosureIsNotProposedWithoutEvidenceOfImpact() {
        fixture.given(REGISTERED, OVERSIGHT, DRAFTED, ADDED, AGREED, FIRST_ROUND)
                .when(new ProposeActionClosure(AUDIT, "a1", " ", "Head of Service", LocalDate.of(2018, 4, 3), OWNER))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void theBoardConfirmsAProposedClosureOnItsEvidence() {
        fixture.given(REGISTERED, OVERSIGHT, DRAFTED, ADDED, AGREED, FIRST_ROUND, PROPOSED)
                .when(new ConfirmActionClosure(AUDIT, "a1", "LSCB Board", APRIL_BOARD,
                        new BoardDecision(false, "LSCB Board, 24 April 2018")))
                .expectEvents(new ActionClosed("a1", "p1", AUDIT, PROGRAMME, "lbr-childrens-social-care",
                        "Re-audit: supervision evident on 19 of 20 files", "LSCB Board", APRIL_BOARD, DUE,
                        "LSCB Board, 24 April 2018"));
    }

    @Test
    void cannotConfirmAClosureNobodyProposed() {
        fixture.given(REGISTERED, OVERSIGHT, DRAFTED, ADDED, AGREED, FIRST_ROUND)
                .when(new ConfirmActionClosure(AUDIT, "a1", "LSCB Board", APRIL_BOARD, new BoardDecision(true, null)))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("No closure of action 'a1' awaits a decision.");
    }

    @Test
    void thePartnershipReturnsAProposedClosureWithTheReasonAndTheAgencyMayProposeAgain() {
        ActionClosureReturned returned = new ActionClosureReturned("a1", "p1", AUDIT, PROGRAMME, "lbr-childrens-social-care",
                "One audit is not yet a pattern: re-audit in the next quarter", "QA coordinator", LocalDate.of(2018, 4, 10));
        fixture.given(REGISTERED, OVERSIGHT, DRAFTED, ADDED, AGREED, FIRST_ROUND, PROPOSED)
                .when(new ReturnClosureProposal(AUDIT, "a1", "One audit is not yet a pattern: re-audit in the next quarter",
                        "QA coordinator", LocalDate.of(2018, 4, 10)))
                .expectEvents(returned);
        fixture.given(REGISTERED, OVERSIGHT, DRAFTED, ADDED, AGREED, FIRST_ROUND, PROPOSED, returned)
                .when(new ProposeActionClosure(AUDIT, "a1", "Two re-audits: supervision on 19 and 20 of 20 files",
                        "Head of Service", LocalDate.of(2018, 7, 2), OWNER))
                .expectEvents(new ActionClosureProposed("a1", "p1", AUDIT, PROGRAMME, "lbr-childrens-social-care",
                        "Two re-audits: supervision on 19 and 20 of 20 files", "Head of Service", LocalDate.of(2018, 7, 2)));
    }

    @Test
    void aSecondDifferentProposalWaitsForTheDecisionOnTheFirst() {
        fixture.given(REGISTERED, OVERSIGHT, DRAFTED, ADDED, AGREED, FIRST_ROUND, PROPOSED)
                .when(new ProposeActionClosure(AUDIT, "a1", "Other evidence", "Head of Service", LocalDate.of(2018, 4, 5), OWNER))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    // The Board's decisions are the Board's: recorded by a Board member, or by the QA coordinator naming the meeting

    @Test
    void theQaCoordinatorRecordsTheBoardsAgreementByNamingTheMeeting() {
        fixture.given(REGISTERED, OVERSIGHT, DRAFTED, ADDED)
                .when(new AgreeActionPlan(AUDIT, "p1", "LSCB Board", BOARD, 3,
                        new BoardDecision(false, "LSCB Board, 18 July 2017")))
                .expectEvents(new ActionPlanAgreed("p1", AUDIT, PROGRAMME, null, 1, "LSCB Board", BOARD, 3,
                        BOARD.plusMonths(3), "LSCB Board, 18 July 2017"), FIRST_ROUND);
    }

    @Test
    void theQaCoordinatorCannotRecordTheBoardsAgreementWithoutNamingTheMeeting() {
        fixture.given(REGISTERED, OVERSIGHT, DRAFTED, ADDED)
                .when(new AgreeActionPlan(AUDIT, "p1", "LSCB Board", BOARD, 3, new BoardDecision(false, " ")))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void aBoardMemberRecordsTheBoardsClosureOfAnAction() {
        fixture.given(REGISTERED, OVERSIGHT, DRAFTED, ADDED, AGREED, FIRST_ROUND)
                .when(new CloseAction(AUDIT, "a1", "Re-audit: supervision evident on 19 of 20 files", "LSCB Board",
                        APRIL_BOARD, new BoardDecision(true, null)))
                .expectEvents(new ActionClosed("a1", "p1", AUDIT, PROGRAMME, "lbr-childrens-social-care",
                        "Re-audit: supervision evident on 19 of 20 files", "LSCB Board", APRIL_BOARD, DUE, null));
    }

    @Test
    void theQaCoordinatorCannotCloseAnActionForTheBoardWithoutNamingTheMeeting() {
        fixture.given(REGISTERED, OVERSIGHT, DRAFTED, ADDED, AGREED, FIRST_ROUND)
                .when(new CloseAction(AUDIT, "a1", "Re-audit", "QA coordinator", APRIL_BOARD, new BoardDecision(false, null)))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("This is the Board's decision: a Board member records it, or the QA coordinator "
                        + "names the Board meeting that took it (boardMeeting).");
    }
}
