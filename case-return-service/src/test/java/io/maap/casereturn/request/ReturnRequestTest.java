package io.maap.casereturn.request;

import io.maap.casereturn.request.command.AcceptReturn;
import io.maap.casereturn.request.command.AcknowledgeReturnRequest;
import io.maap.casereturn.request.command.AcknowledgeSafeguardingConcern;
import io.maap.casereturn.request.event.Answer;
import io.maap.casereturn.request.event.AuditToolRecorded;
import io.maap.casereturn.request.event.AuditorAccountLinked;
import io.maap.casereturn.request.command.ExtendReturnDeadline;
import io.maap.casereturn.request.command.NominateAuditor;
import io.maap.casereturn.request.command.RaiseSafeguardingConcern;
import io.maap.casereturn.request.command.RequestReturn;
import io.maap.casereturn.request.command.ReturnDeadlines;
import io.maap.casereturn.request.command.ReturnRequest;
import io.maap.casereturn.request.event.ReturnVersionRecorded;
import io.maap.casereturn.request.command.SendBackReturn;
import io.maap.casereturn.request.command.SubmitNilReturn;
import io.maap.casereturn.request.command.SubmitReturn;
import io.maap.events.CaseType;
import io.maap.events.auditprogramme.AuditCommissioned;
import io.maap.events.auditprogramme.AuditCommissioned.AuditQuestion;
import io.maap.events.casereturn.AuditorNominated;
import io.maap.events.casereturn.NilReturnSubmitted;
import io.maap.events.casereturn.ReturnAccepted;
import io.maap.events.casereturn.ReturnAcknowledged;
import io.maap.events.casereturn.ReturnDeadlineExtended;
import io.maap.events.casereturn.ReturnOverdue;
import io.maap.events.casereturn.ReturnReminderSent;
import io.maap.events.casereturn.ReturnRequested;
import io.maap.events.casereturn.ReturnSentBack;
import io.maap.events.casereturn.ReturnSubmitted;
import io.maap.events.casereturn.SafeguardingConcernAcknowledged;
import io.maap.events.casereturn.SafeguardingConcernCategory;
import io.maap.events.casereturn.SafeguardingConcernRaised;
import io.maap.support.calendar.WorkingDayCalendar;
import io.maap.support.domain.ActorAccess;
import io.maap.support.domain.NotVisible;
import io.maap.support.domain.RuleViolation;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;

class ReturnRequestTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final String ID = RequestReturn.idFor("missing-2017", "RBR-1707-M01", "met-police");
    private static final List<AuditQuestion> QUESTIONS = List.of(
            new AuditQuestion("q1", "Was the voice of the child heard?", true),
            new AuditQuestion("q2", "Was the referral timely?", false));
    private static final LocalDate SENT = LocalDate.of(2017, 7, 3);
    private static final LocalDate DUE = LocalDate.of(2017, 7, 24);
    private static final LocalDate REMINDER = LocalDate.of(2017, 7, 17);
    private static final Instant BEFORE_ALL = SENT.atStartOfDay(LONDON).toInstant();

    /** The agency's SPOC, as commands agency staff send name their actor. */
    private static final ActorAccess SPOC = ActorAccess.ofAgency("AGENCY_SPOC", "met-police");

    private AggregateTestFixture<ReturnRequest> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ReturnRequest.class);
        fixture.registerInjectableResource(ReturnDeadlines.defaults(WorkingDayCalendar.englandAndWales()));
    }

    private static RequestReturn request(LocalDate sent, LocalDate due, LocalDate reminder) {
        return new RequestReturn(ID, "missing-2017", "redbridge-2017-18", "RBR-1707-M01", CaseType.CHILD_PROTECTION,
                "met-police", sent, due, reminder, QUESTIONS);
    }

    private static ReturnRequested requested(LocalDate sent, LocalDate due, LocalDate reminder) {
        return new ReturnRequested(ID, "missing-2017", "redbridge-2017-18", "RBR-1707-M01", CaseType.CHILD_PROTECTION,
                "met-police", sent, due, reminder);
    }

    private static Instant at(LocalDate date, int hour) {
        return date.atTime(hour, 0).atZone(LONDON).toInstant();
    }

    private static AcknowledgeReturnRequest acknowledge(String auditor) {
        return new AcknowledgeReturnRequest(ID, "SPOC Met", at(SENT, 10), "DC Jones", "DS Patel", auditor, SPOC);
    }

    private static ReturnAcknowledged acknowledged() {
        return new ReturnAcknowledged(ID, "missing-2017", "redbridge-2017-18", "RBR-1707-M01", "met-police",
                "SPOC Met", at(SENT, 10), "DC Jones", "DS Patel");
    }

    private static AuditorNominated nominated(String auditor) {
        return new AuditorNominated(ID, "missing-2017", "redbridge-2017-18", "RBR-1707-M01", "met-police",
                auditor, "DC Jones", "DS Patel", "SPOC Met", at(SENT, 10));
    }

    private static List<Answer> answers(String firstAnswer) {
        return List.of(
                new Answer("q1", firstAnswer, List.of("CRIS/2017/123"),
                        List.of(new Answer.DatedEntry(LocalDate.of(2017, 5, 2), "Child seen alone at home visit")), "good"),
                new Answer("q2", "No information held", List.of(), List.of(), null));
    }

    private static SubmitReturn submit(Instant at, List<Answer> answers) {
        return new SubmitReturn(ID, "SPOC Met", at, "api", answers, SPOC);
    }

    private static ReturnSubmitted submitted(int version, Instant at, LocalDate due, int late) {
        return new ReturnSubmitted(ID, "missing-2017", "redbridge-2017-18", "RBR-1707-M01", "met-police", version,
                "SPOC Met", "DI Brown", at, at.atZone(LONDON).toLocalDate(), due, late, "api",
                List.of(new ReturnSubmitted.Grade("q1", "good")));
    }

    private static ReturnVersionRecorded recorded(int version, Instant at, List<Answer> answers) {
        return new ReturnVersionRecorded(ID, version, "SPOC Met", "DI Brown", at, answers, "missing-2017");
    }

    private Object[] requestedAndNominated() {
        return new Object[]{requested(SENT, DUE, REMINDER), new AuditToolRecorded(ID, QUESTIONS), acknowledged(),
                nominated("DI Brown")};
    }

    // --- request -------------------------------------------------------------------------

    @Test
    void requestingRecordsTheToolAndSchedulesTheReminder() {
        fixture.givenNoPriorActivity()
                .when(request(SENT, DUE, REMINDER))
                .expectEvents(requested(SENT, DUE, REMINDER), new AuditToolRecorded(ID, QUESTIONS))
                .expectScheduledDeadlineWithName(at(REMINDER, 9), ReturnDeadlines.REMINDER);
    }

    @Test
    void theReminderSchedulesTheOverdueMarkForTheFirstWorkingDayAfterTheDueDate() {
        fixture.givenCurrentTime(BEFORE_ALL)
                .andGivenCommands(request(SENT, DUE, REMINDER))
                .whenThenTimeAdvancesTo(at(REMINDER, 9))
                .expectScheduledDeadlineWithName(LocalDate.of(2017, 7, 25).atStartOfDay(LONDON).toInstant(),
                        ReturnDeadlines.OVERDUE);
    }

    @Test
    void whenBothDatesHavePassedTheReminderComesBeforeTheOverdueMark() {
        fixture.givenCurrentTime(LocalDate.of(2017, 9, 1).atStartOfDay(LONDON).toInstant())
                .andGivenCommands(request(SENT, DUE, REMINDER))
                .whenThenTimeElapses(java.time.Duration.ofSeconds(1))
                .expectEvents(new ReturnReminderSent(ID, "missing-2017", "redbridge-2017-18", "RBR-1707-M01", "met-police",
                        REMINDER, DUE), overdue(DUE, LocalDate.of(2017, 7, 25), false, true));
    }

    @Test
    void requestingAgainChangesNothing() {
        fixture.given(requested(SENT, DUE, REMINDER), new AuditToolRecorded(ID, QUESTIONS))
                .when(request(SENT, DUE, REMINDER))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectNoScheduledDeadlines();
    }

    // --- acknowledgement and independence ------------------------------------------------

    @Test
    void acknowledgingRecordsWhoHoldsAndManagesTheCaseAndNamesTheAuditor() {
        fixture.given(requested(SENT, DUE, REMINDER), new AuditToolRecorded(ID, QUESTIONS))
                .when(acknowledge("DI Brown"))
                .expectEvents(acknowledged(), nominated("DI Brown"));
    }

    @Test
    void acknowledgingAgainWithTheSamePeopleChangesNothingEvenWhenThereIsNoLineManager() {
        ReturnAcknowledged withoutManager = new ReturnAcknowledged(ID, "missing-2017", "redbridge-2017-18", "RBR-1707-M01",
                "met-police", "SPOC Met", at(SENT, 10), "DC Jones", "none");
        fixture.given(requested(SENT, DUE, REMINDER), new AuditToolRecorded(ID, QUESTIONS), withoutManager)
                .when(new AcknowledgeReturnRequest(ID, "SPOC Met", at(SENT, 11), "dc jones", "None", null, SPOC))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void cannotAcknowledgeAgainNamingOtherPeople() {
        fixture.given(requested(SENT, DUE, REMINDER), new AuditToolRecorded(ID, QUESTIONS), acknowledged())
                .when(new AcknowledgeReturnRequest(ID, "SPOC Met", at(SENT, 11), "DC Jones", "none", null, SPOC))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void cannotNominateTheCaseHolderAsAuditor() {
        fixture.given(requested(SENT, DUE, REMINDER), new AuditToolRecorded(ID, QUESTIONS))
                .when(acknowledge("dc  jones"))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("The auditor may not be the case holder or the line manager with casework"
                        + " responsibility (DC Jones, DS Patel).")
                .expectNoEvents();
    }

    @Test
    void cannotNominateTheLineManagerAsAuditor() {
        fixture.given(requested(SENT, DUE, REMINDER), new AuditToolRecorded(ID, QUESTIONS), acknowledged())
                .when(new NominateAuditor(ID, "DS Patel", "SPOC Met", at(SENT, 11), SPOC))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void cannotNominateBeforeAcknowledging() {
        fixture.given(requested(SENT, DUE, REMINDER), new AuditToolRecorded(ID, QUESTIONS))
                .when(new NominateAuditor(ID, "DI Brown", "SPOC Met", at(SENT, 11), SPOC))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void canReplaceTheAuditorBeforeSubmitting() {
        fixture.given(requestedAndNominated())
                .when(new NominateAuditor(ID, "DI Green", "SPOC Met", at(SENT, 10), SPOC))
                .expectEvents(new AuditorNominated(ID, "missing-2017", "redbridge-2017-18", "RBR-1707-M01", "met-police",
                        "DI Green", "DC Jones", "DS Patel", "SPOC Met", at(SENT, 10)));
    }

    // --- submission -----------------------------------------------------------------------

    @Test
    void canSubmitAnAnswerToEveryQuestion() {
        Instant at = at(LocalDate.of(2017, 7, 20), 14);
        fixture.given(requestedAndNominated())
                .when(submit(at, answers("Yes, seen alone")))
                .expectEvents(submitted(1, at, DUE, 0), recorded(1, at, answers("Yes, seen alone")));
    }

    @Test
    void cannotSubmitWithoutAnIndependentAuditor() {
        fixture.given(requested(SENT, DUE, REMINDER), new AuditToolRecorded(ID, QUESTIONS))
                .when(submit(at(DUE, 9), answers("Yes")))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("Name an independent auditor before submitting the return.");
    }

    @Test
    void cannotSubmitWithABlankAnswer() {
        fixture.given(requestedAndNominated())
                .when(submit(at(DUE, 9), answers("  ")))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("Question 'q1' has a blank answer; where the records hold nothing, say \"no information held\".")
                .expectNoEvents();
    }

    @Test
    void cannotSubmitWithAQuestionUnanswered() {
        fixture.given(requestedAndNominated())
                .when(submit(at(DUE, 9), answers("Yes").subList(0, 1)))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("Every question of the audit tool must be answered; missing: q2.");
    }

    @Test
    void cannotAnswerAQuestionTheToolDoesNotAsk() {
        fixture.given(requestedAndNominated())
                .when(submit(at(DUE, 9), List.of(answers("Yes").get(0), answers("Yes").get(1),
                        new Answer("q9", "Something", List.of(), List.of(), null))))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("The audit tool has no question 'q9'.");
    }

    @Test
    void cannotGradeAQuestionTheToolDoesNotGrade() {
        fixture.given(requestedAndNominated())
                .when(submit(at(DUE, 9), List.of(answers("Yes").get(0),
                        new Answer("q2", "Yes, within a day", List.of(), List.of(), "good"))))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("Question 'q2' is not graded.");
    }

    private static final List<String> SCALE = List.of("Good", "Requires improvement", "Inadequate");

    private static Answer graded(String grade) {
        return new Answer("q1", "Yes", List.of("CRIS/2017/123"),
                List.of(new Answer.DatedEntry(LocalDate.of(2017, 5, 2), "Child seen alone at home visit")), grade);
    }

    private static Answer ungraded() {
        return new Answer("q2", "No information held", List.of(), List.of(), null);
    }

    private Object[] requestedOnAScale() {
        return new Object[]{requested(SENT, DUE, REMINDER), new AuditToolRecorded(ID, QUESTIONS, SCALE), acknowledged(),
                nominated("DI Brown")};
    }

    @Test
    void requestingRecordsTheAuditsGradingScaleWithTheTool() {
        fixture.givenNoPriorActivity()
                .when(new RequestReturn(ID, "missing-2017", "redbridge-2017-18", "RBR-1707-M01", CaseType.CHILD_PROTECTION,
                        "met-police", SENT, DUE, REMINDER, QUESTIONS, SCALE))
                .expectEvents(requested(SENT, DUE, REMINDER), new AuditToolRecorded(ID, QUESTIONS, SCALE));
    }

    @Test
    void aGradeIsMatchedToTheAuditsScaleWithoutRegardToCaseAndKeptAsTheScaleSpellsIt() {
        Instant at = at(LocalDate.of(2017, 7, 20), 14);
        fixture.given(requestedOnAScale())
                .when(submit(at, List.of(graded("requires IMPROVEMENT "), ungraded())))
                .expectEvents(new ReturnSubmitted(ID, "missing-2017", "redbridge-2017-18", "RBR-1707-M01", "met-police", 1,
                                "SPOC Met", "DI Brown", at, at.atZone(LONDON).toLocalDate(), DUE, 0, "api",
                                List.of(new ReturnSubmitted.Grade("q1", "Requires improvement"))),
                        recorded(1, at, List.of(graded("Requires improvement"), ungraded())));
    }

    @Test
    void cannotGradeOffTheAuditsScale() {
        fixture.given(requestedOnAScale())
                .when(submit(at(DUE, 9), List.of(graded("Outstanding"), ungraded())))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("'Outstanding' is not a grade of this audit; use one of: Good, Requires improvement, Inadequate.")
                .expectNoEvents();
    }

    @Test
    void cannotLeaveAGradedQuestionUngraded() {
        fixture.given(requestedOnAScale())
                .when(submit(at(DUE, 9), List.of(graded(null), ungraded())))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("Question 'q1' is graded: give a grade (Good, Requires improvement, Inadequate).")
                .expectNoEvents();
    }

    @Test
    void cannotLeaveAGradedQuestionUngradedEvenWithoutAScale() {
        fixture.given(requestedAndNominated())
                .when(submit(at(DUE, 9), List.of(graded(null), ungraded())))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("Question 'q1' is graded: give a grade.");
    }

    @Test
    void cannotSubmitAnUndatedEntry() {
        fixture.given(requestedAndNominated())
                .when(submit(at(DUE, 9), List.of(answers("Yes").get(1),
                        new Answer("q1", "Yes", List.of(), List.of(new Answer.DatedEntry(null, "Visit")), null))))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void retryingTheSameSubmissionChangesNothing() {
        Instant at = at(DUE, 9);
        fixture.given(requestedAndNominated())
                .andGiven(submitted(1, at, DUE, 0), recorded(1, at, answers("Yes")))
                .when(submit(at(DUE, 10), answers("Yes")))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void cannotSubmitAnotherVersionWhileOneAwaitsQualityAssurance() {
        Instant at = at(DUE, 9);
        fixture.given(requestedAndNominated())
                .andGiven(submitted(1, at, DUE, 0), recorded(1, at, answers("Yes")))
                .when(submit(at(DUE, 10), answers("Yes, and more")))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("Version 1 is awaiting quality assurance; wait until it is accepted or sent back.");
    }

    @Test
    void aLateSubmissionCountsWorkingDaysLateSkippingEaster() {
        LocalDate due = LocalDate.of(2026, 4, 2); // Maundy Thursday; Good Friday and Easter Monday are holidays
        Instant at = at(LocalDate.of(2026, 4, 8), 11);
        RequestReturn request = request(LocalDate.of(2026, 3, 12), due, LocalDate.of(2026, 3, 26));
        fixture.given(requested(request.requestedOn(), due, request.reminderDate()), new AuditToolRecorded(ID, QUESTIONS),
                        acknowledged(), nominated("DI Brown"))
                .when(submit(at, answers("Yes")))
                .expectEvents(submitted(1, at, due, 2), recorded(1, at, answers("Yes")));
    }

    // --- a nominated auditor with an account (issue 18, item 4) ------------------------------

    private static final ActorAccess AUDITOR = ActorAccess.ofAgency("AGENCY_AUDITOR", "met-police");

    private static AuditorNominated nominatedBy(String auditor, String by) {
        return new AuditorNominated(ID, "missing-2017", "redbridge-2017-18", "RBR-1707-M01", "met-police",
                auditor, "DC Jones", "DS Patel", by, at(SENT, 11));
    }

    @Test
    void aNominatedAuditorWithAnAccountIsLinkedToThatUser() {
        fixture.given(requested(SENT, DUE, REMINDER), new AuditToolRecorded(ID, QUESTIONS), acknowledged())
                .when(new NominateAuditor(ID, "DI Brown", "SPOC Met", at(SENT, 11), SPOC, "auditor.met-police"))
                .expectEvents(nominatedBy("DI Brown", "SPOC Met"), new AuditorAccountLinked(ID, "auditor.met-police"));
    }

    @Test
    void theLinkedAuditorsSubmissionIsRecordedAsTheirs() {
        Instant at = at(LocalDate.of(2017, 7, 20), 10);
        fixture.given(requested(SENT, DUE, REMINDER), new AuditToolRecorded(ID, QUESTIONS), acknowledged(),
                        nominated("DI Brown"), new AuditorAccountLinked(ID, "auditor.met-police"))
                .when(new SubmitReturn(ID, "DI Brown", at, "api", answers("Yes"), AUDITOR, null, "auditor.met-police"))
                .expectEvents(new ReturnSubmitted(ID, "missing-2017", "redbridge-2017-18", "RBR-1707-M01", "met-police", 1,
                                "DI Brown", "DI Brown", at, LocalDate.of(2017, 7, 20), DUE, 0, "api",
                                List.of(new ReturnSubmitted.Grade("q1", "good"))),
                        new ReturnVersionRecorded(ID, 1, "DI Brown", "DI Brown", at, answers("Yes"), "missing-2017"));
    }

    @Test
    void anotherUserOfTheAgencySubmittingIsRecordedAsThemselvesNotAsTheNominee() {
        Instant at = at(LocalDate.of(2017, 7, 20), 10);
        fixture.given(requested(SENT, DUE, REMINDER), new AuditToolRecorded(ID, QUESTIONS), acknowledged(),
                        nominated("DI Brown"), new AuditorAccountLinked(ID, "auditor.met-police"))
                .when(new SubmitReturn(ID, "DS Green", at, "api", answers("Yes"), AUDITOR, null, "auditor2.met-police"))
                .expectEvents(new ReturnSubmitted(ID, "missing-2017", "redbridge-2017-18", "RBR-1707-M01", "met-police", 1,
                                "DS Green", "auditor2.met-police", at, LocalDate.of(2017, 7, 20), DUE, 0, "api",
                                List.of(new ReturnSubmitted.Grade("q1", "good"))),
                        new ReturnVersionRecorded(ID, 1, "DS Green", "auditor2.met-police", at, answers("Yes"), "missing-2017"));
    }

    @Test
    void withoutALinkedAccountTheNamedAuditorIsRecordedWhoeverSubmits() {
        Instant at = at(LocalDate.of(2017, 7, 20), 10);
        fixture.given(requestedAndNominated())
                .when(new SubmitReturn(ID, "SPOC Met", at, "api", answers("Yes"), SPOC, null, "spoc.met-police"))
                .expectEvents(submitted(1, at, DUE, 0), recorded(1, at, answers("Yes")));
    }

    @Test
    void renamingTheAuditorWithoutAnAccountEndsTheLink() {
        fixture.given(requested(SENT, DUE, REMINDER), new AuditToolRecorded(ID, QUESTIONS), acknowledged(),
                        nominated("DI Brown"), new AuditorAccountLinked(ID, "auditor.met-police"))
                .when(new NominateAuditor(ID, "DI Brown", "SPOC Met", at(SENT, 11), SPOC))
                .expectEvents(nominatedBy("DI Brown", "SPOC Met"), new AuditorAccountLinked(ID, null));
    }

    // --- a return received on an earlier day (issue 18: the demo year) ----------------------

    private static final ActorAccess QA = ActorAccess.partnership("QA_COORDINATOR");

    @Test
    void thePartnershipEntersAReturnReceivedOnAnEarlierDayAndItsLatenessCountsFromThatDay() {
        Instant today = at(LocalDate.of(2026, 12, 4), 11);
        LocalDate receivedOn = LocalDate.of(2017, 7, 26); // two working days after the 24 July deadline
        fixture.given(requestedAndNominated())
                .when(new SubmitReturn(ID, "SPOC Met", today, "api", answers("Yes"), QA, receivedOn, "qa.coordinator"))
                .expectEvents(new ReturnSubmitted(ID, "missing-2017", "redbridge-2017-18", "RBR-1707-M01", "met-police", 1,
                                "SPOC Met", "DI Brown", today, receivedOn, DUE, 2, "api",
                                List.of(new ReturnSubmitted.Grade("q1", "good"))),
                        recorded(1, today, answers("Yes")));
    }

    @Test
    void thePartnershipEntersANilReturnReceivedOnAnEarlierDay() {
        Instant today = at(LocalDate.of(2026, 12, 4), 11);
        LocalDate receivedOn = LocalDate.of(2017, 7, 10);
        fixture.given(requested(SENT, DUE, REMINDER), new AuditToolRecorded(ID, QUESTIONS))
                .when(new SubmitNilReturn(ID, "SPOC Met", today, "api", QA, receivedOn))
                .expectEvents(new NilReturnSubmitted(ID, "missing-2017", "redbridge-2017-18", "RBR-1707-M01", "met-police",
                        1, "SPOC Met", today, receivedOn, DUE, 0, "api", LocalDate.of(2016, 7, 3), SENT,
                        "No involvement with the child or family in the 12 months before the audit"));
    }

    @Test
    void anAgencyCannotDateItsOwnReturn() {
        fixture.given(requestedAndNominated())
                .when(new SubmitReturn(ID, "SPOC Met", at(LocalDate.of(2017, 7, 28), 9), "api", answers("Yes"), SPOC,
                        LocalDate.of(2017, 7, 20), "spoc.met-police"))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("Only the partnership enters a return received on an earlier day; an agency submits on the day.");
    }

    @Test
    void aReturnCannotBeReceivedBeforeItWasRequestedNorAfterToday() {
        fixture.given(requestedAndNominated())
                .when(new SubmitReturn(ID, "SPOC Met", at(LocalDate.of(2017, 7, 28), 9), "api", answers("Yes"), QA,
                        LocalDate.of(2017, 6, 30), "qa.coordinator"))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("A return cannot be received on 2017-06-30, before it was requested on 2017-07-03.");
        fixture.given(requestedAndNominated())
                .when(new SubmitNilReturn(ID, "SPOC Met", at(LocalDate.of(2017, 7, 28), 9), "api", QA, LocalDate.of(2017, 7, 31)))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("A return cannot be received on 2017-07-31, after today (2017-07-28).");
    }

    @Test
    void aNilReturnDeclaresNoInvolvementInTheTwelveMonthsBeforeTheAudit() {
        Instant at = at(LocalDate.of(2017, 7, 10), 9);
        fixture.given(requested(SENT, DUE, REMINDER), new AuditToolRecorded(ID, QUESTIONS))
                .when(new SubmitNilReturn(ID, "SPOC Met", at, "kafka", ActorAccess.agencySystem("met-police")))
                .expectEvents(new NilReturnSubmitted(ID, "missing-2017", "redbridge-2017-18", "RBR-1707-M01", "met-police",
                        1, "SPOC Met", at, LocalDate.of(2017, 7, 10), DUE, 0, "kafka", LocalDate.of(2016, 7, 3), SENT,
                        "No involvement with the child or family in the 12 months before the audit"));
    }

    // --- the audit's policy (issue 18) -----------------------------------------------------

    /** North East Lincolnshire's policy (seed 001): a nil return covers any time; resubmission in 10 working days. */
    private static final AuditCommissioned.Policy NEL = new AuditCommissioned.Policy(2, 15, 10, 15, false, 2, 10,
            "No involvement with the child or family historically, previously or currently", null);
    /** A Scottish partnership's policy: Scotland's bank holidays (2 January among them). */
    private static final AuditCommissioned.Policy SCOTTISH = new AuditCommissioned.Policy(1, 15, 10, 15, false, 2, 5,
            "No involvement with the child or family in the 12 months before the audit", 12, "SCOTLAND");

    @Test
    void aNilReturnUnderNorthEastLincolnshiresPolicyDeclaresNoInvolvementAtAnyTimeInItsWords() {
        Instant at = at(LocalDate.of(2017, 7, 10), 9);
        fixture.given(requested(SENT, DUE, REMINDER), new AuditToolRecorded(ID, QUESTIONS, null, NEL))
                .when(new SubmitNilReturn(ID, "SPOC Met", at, "kafka", ActorAccess.agencySystem("met-police")))
                .expectEvents(new NilReturnSubmitted(ID, "missing-2017", "redbridge-2017-18", "RBR-1707-M01", "met-police",
                        1, "SPOC Met", at, LocalDate.of(2017, 7, 10), DUE, 0, "kafka", null, SENT,
                        "No involvement with the child or family historically, previously or currently"));
    }

    @Test
    void aReturnSentBackIsDueAgainAfterTheResubmissionWindowOfTheAuditsPolicy() {
        LocalDate sentBackOn = LocalDate.of(2017, 7, 25);
        Instant at = at(DUE, 9);
        fixture.given(requested(SENT, DUE, REMINDER), new AuditToolRecorded(ID, QUESTIONS, null, NEL), acknowledged(),
                        nominated("DI Brown"))
                .andGiven(submitted(1, at, DUE, 0), recorded(1, at, answers("Yes")))
                .when(new SendBackReturn(ID, 1, List.of("Too thin"), "QA Coordinator", at(sentBackOn, 15)))
                .expectEvents(new ReturnSentBack(ID, "missing-2017", "redbridge-2017-18", "RBR-1707-M01", "met-police", 1,
                        List.of("Too thin"), "QA Coordinator", at(sentBackOn, 15), sentBackOn, LocalDate.of(2017, 8, 8)));
    }

    @Test
    void workingDaysLateAreCountedByTheCalendarOfTheAuditsPolicyNation() {
        LocalDate due = LocalDate.of(2017, 12, 29);
        Instant at = at(LocalDate.of(2018, 1, 3), 11);
        fixture.given(requested(LocalDate.of(2017, 12, 4), due, LocalDate.of(2017, 12, 18)),
                        new AuditToolRecorded(ID, QUESTIONS, null, SCOTTISH), acknowledged(), nominated("DI Brown"))
                .when(submit(at, answers("Yes")))
                // 1 and 2 January are Scottish bank holidays: one working day late, where England and Wales count two.
                .expectEvents(submitted(1, at, due, 1), recorded(1, at, answers("Yes")));
    }

    @Test
    void aRequestKeepsThePolicyItsAuditWasCommissionedUnder() {
        fixture.givenNoPriorActivity()
                .when(new RequestReturn(ID, "missing-2017", "redbridge-2017-18", "RBR-1707-M01", CaseType.CHILD_PROTECTION,
                        "met-police", SENT, DUE, REMINDER, QUESTIONS, null, NEL))
                .expectEvents(requested(SENT, DUE, REMINDER), new AuditToolRecorded(ID, QUESTIONS, null, NEL));
    }

    // --- quality assurance ------------------------------------------------------------------

    @Test
    void canAcceptTheVersionAwaitingQualityAssurance() {
        Instant at = at(DUE, 9);
        fixture.given(requestedAndNominated())
                .andGiven(submitted(1, at, DUE, 0), recorded(1, at, answers("Yes")))
                .when(new AcceptReturn(ID, 1, "QA Coordinator", at(DUE, 15)))
                .expectEvents(new ReturnAccepted(ID, "missing-2017", "redbridge-2017-18", "RBR-1707-M01", "met-police",
                        1, false, "QA Coordinator", at(DUE, 15)));
    }

    @Test
    void cannotAcceptWhenNothingWasSubmitted() {
        fixture.given(requestedAndNominated())
                .when(new AcceptReturn(ID, 1, "QA Coordinator", at(DUE, 15)))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("There is no submitted return awaiting quality assurance.");
    }

    @Test
    void cannotAcceptAVersionOtherThanTheLatest() {
        Instant at = at(DUE, 9);
        fixture.given(requestedAndNominated())
                .andGiven(submitted(1, at, DUE, 0), recorded(1, at, answers("Yes")))
                .when(new AcceptReturn(ID, 2, "QA Coordinator", at(DUE, 15)))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void cannotSendBackWithoutReasons() {
        Instant at = at(DUE, 9);
        fixture.given(requestedAndNominated())
                .andGiven(submitted(1, at, DUE, 0), recorded(1, at, answers("Yes")))
                .when(new SendBackReturn(ID, 1, List.of(), "QA Coordinator", at(DUE, 15)))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("Say why the return is sent back.");
    }

    @Test
    void aReturnSentBackBeforeChristmasIsDueFiveWorkingDaysLaterAfterTheNewYear() {
        LocalDate sentBackOn = LocalDate.of(2026, 12, 23);
        Instant at = at(LocalDate.of(2026, 12, 22), 9);
        fixture.given(requestedAndNominated())
                .andGiven(submitted(1, at, DUE, 0), recorded(1, at, answers("Yes")))
                .when(new SendBackReturn(ID, 1, List.of("Q1 gives no evidence reference"), "QA Coordinator", at(sentBackOn, 15)))
                .expectEvents(new ReturnSentBack(ID, "missing-2017", "redbridge-2017-18", "RBR-1707-M01", "met-police", 1,
                        List.of("Q1 gives no evidence reference"), "QA Coordinator", at(sentBackOn, 15), sentBackOn,
                        LocalDate.of(2027, 1, 4)))
                .expectScheduledDeadlineWithName(LocalDate.of(2027, 1, 5).atStartOfDay(LONDON).toInstant(),
                        ReturnDeadlines.OVERDUE);
    }

    @Test
    void aReturnSentBackEarlyIsDueAgainOnTheDeadlineItWasGivenNotBefore() {
        LocalDate sentBackOn = LocalDate.of(2017, 7, 10);
        Instant at = at(LocalDate.of(2017, 7, 7), 9);
        fixture.given(requestedAndNominated())
                .andGiven(submitted(1, at, DUE, 0), recorded(1, at, answers("Yes")))
                .when(new SendBackReturn(ID, 1, List.of("Too thin"), "QA Coordinator", at(sentBackOn, 15)))
                .expectEvents(new ReturnSentBack(ID, "missing-2017", "redbridge-2017-18", "RBR-1707-M01", "met-police", 1,
                        List.of("Too thin"), "QA Coordinator", at(sentBackOn, 15), sentBackOn, DUE))
                .expectScheduledDeadlineWithName(LocalDate.of(2017, 7, 25).atStartOfDay(LONDON).toInstant(),
                        ReturnDeadlines.OVERDUE);
    }

    @Test
    void aReturnSentBackEarlyAfterAnExtensionIsDueAgainNoSoonerThanTheExtendedDeadline() {
        LocalDate extended = LocalDate.of(2017, 8, 7);
        Instant at = at(LocalDate.of(2017, 7, 7), 9);
        fixture.given(requestedAndNominated())
                .andGiven(new ReturnDeadlineExtended(ID, "missing-2017", "redbridge-2017-18", "RBR-1707-M01", "met-police",
                                DUE, extended, "Sick leave", "LSCB Business Manager", at(SENT, 12)),
                        submitted(1, at, extended, 0), recorded(1, at, answers("Yes")))
                .when(new SendBackReturn(ID, 1, List.of("Too thin"), "QA Coordinator", at(DUE, 15)))
                .expectEvents(new ReturnSentBack(ID, "missing-2017", "redbridge-2017-18", "RBR-1707-M01", "met-police", 1,
                        List.of("Too thin"), "QA Coordinator", at(DUE, 15), DUE, extended));
    }

    @Test
    void aReturnSentBackASecondTimeGetsTheWindowAgainNotTheFirstResubmissionDate() {
        Instant first = at(DUE, 9);
        Instant second = at(LocalDate.of(2017, 7, 27), 9);
        LocalDate sentBackAgainOn = LocalDate.of(2017, 7, 28);
        fixture.given(requestedAndNominated())
                .andGiven(submitted(1, first, DUE, 0), recorded(1, first, answers("Yes")),
                        new ReturnSentBack(ID, "missing-2017", "redbridge-2017-18", "RBR-1707-M01", "met-police", 1,
                                List.of("Too thin"), "QA", at(DUE, 15), DUE, LocalDate.of(2017, 7, 31)),
                        submitted(2, second, LocalDate.of(2017, 7, 31), 0), recorded(2, second, answers("Yes")))
                .when(new SendBackReturn(ID, 2, List.of("Still thin"), "QA", at(sentBackAgainOn, 15)))
                .expectEvents(new ReturnSentBack(ID, "missing-2017", "redbridge-2017-18", "RBR-1707-M01", "met-police", 2,
                        List.of("Still thin"), "QA", at(sentBackAgainOn, 15), sentBackAgainOn, LocalDate.of(2017, 8, 4)));
    }

    @Test
    void canResubmitAfterASendBackAsTheNextVersion() {
        Instant first = at(DUE, 9);
        Instant second = at(LocalDate.of(2017, 7, 27), 9);
        fixture.given(requestedAndNominated())
                .andGiven(submitted(1, first, DUE, 0), recorded(1, first, answers("Yes")),
                        new ReturnSentBack(ID, "missing-2017", "redbridge-2017-18", "RBR-1707-M01", "met-police", 1,
                                List.of("Too thin"), "QA", at(DUE, 15), DUE, LocalDate.of(2017, 7, 31)))
                .when(submit(second, answers("Yes, seen alone on 2 May; see CRIS/2017/123")))
                .expectEvents(submitted(2, second, LocalDate.of(2017, 7, 31), 0),
                        recorded(2, second, answers("Yes, seen alone on 2 May; see CRIS/2017/123")));
    }

    @Test
    void cannotSubmitAfterTheReturnWasAccepted() {
        Instant at = at(DUE, 9);
        fixture.given(requestedAndNominated())
                .andGiven(submitted(1, at, DUE, 0), recorded(1, at, answers("Yes")),
                        new ReturnAccepted(ID, "missing-2017", "redbridge-2017-18", "RBR-1707-M01", "met-police", 1, false,
                                "QA", at(DUE, 15)))
                .when(new SubmitNilReturn(ID, "SPOC Met", at(DUE, 16), "api", SPOC))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("The return has been accepted; nothing more can be submitted.");
    }

    // --- extensions -------------------------------------------------------------------------

    @Test
    void anExtensionMovesTheDueDateAndRecordsWhyAndWhoApproved() {
        LocalDate newDue = LocalDate.of(2017, 8, 7);
        fixture.given(requested(SENT, DUE, REMINDER), new AuditToolRecorded(ID, QUESTIONS))
                .when(new ExtendReturnDeadline(ID, newDue, "Auditor on long-term sick leave", "LSCB Business Manager",
                        at(DUE, 9)))
                .expectEvents(new ReturnDeadlineExtended(ID, "missing-2017", "redbridge-2017-18", "RBR-1707-M01",
                        "met-police", DUE, newDue, "Auditor on long-term sick leave", "LSCB Business Manager", at(DUE, 9)))
                .expectScheduledDeadlineWithName(LocalDate.of(2017, 8, 8).atStartOfDay(LONDON).toInstant(),
                        ReturnDeadlines.OVERDUE);
    }

    @Test
    void cannotExtendWithoutAnExceptionalReason() {
        fixture.given(requested(SENT, DUE, REMINDER), new AuditToolRecorded(ID, QUESTIONS))
                .when(new ExtendReturnDeadline(ID, LocalDate.of(2017, 8, 7), " ", "LSCB Business Manager", at(DUE, 9)))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void cannotExtendToABankHoliday() {
        fixture.given(requested(SENT, DUE, REMINDER), new AuditToolRecorded(ID, QUESTIONS))
                .when(new ExtendReturnDeadline(ID, LocalDate.of(2017, 8, 28), "Sick leave", "LSCB Business Manager", at(DUE, 9)))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("An extension must move the due date (2017-07-24) to a later working day.");
    }

    // --- reminders and overdue marks ---------------------------------------------------------

    @Test
    void aReminderGoesOutOnTheReminderDayWhenNothingHasArrived() {
        fixture.givenCurrentTime(BEFORE_ALL)
                .andGivenCommands(request(SENT, DUE, REMINDER))
                .whenThenTimeAdvancesTo(at(REMINDER, 9))
                .expectEvents(new ReturnReminderSent(ID, "missing-2017", "redbridge-2017-18", "RBR-1707-M01", "met-police",
                        REMINDER, DUE));
    }

    @Test
    void noReminderBeforeTheReminderDay() {
        fixture.givenCurrentTime(BEFORE_ALL)
                .andGivenCommands(request(SENT, DUE, REMINDER))
                .whenThenTimeAdvancesTo(at(REMINDER, 9).minusSeconds(1))
                .expectNoEvents();
    }

    @Test
    void noReminderOnceAReturnHasArrived() {
        fixture.givenCurrentTime(BEFORE_ALL)
                .andGivenCommands(request(SENT, DUE, REMINDER))
                .andGivenCommands(new SubmitNilReturn(ID, "SPOC Met", at(SENT, 12), "api", SPOC))
                .whenThenTimeAdvancesTo(at(REMINDER, 9))
                .expectNoEvents();
    }

    @Test
    void aReminderIsNeverSentTwice() {
        fixture.givenCurrentTime(BEFORE_ALL)
                .andGivenCommands(request(SENT, DUE, REMINDER))
                .andGiven(new ReturnReminderSent(ID, "missing-2017", "redbridge-2017-18", "RBR-1707-M01", "met-police",
                        REMINDER, DUE))
                .whenThenTimeAdvancesTo(at(REMINDER, 10))
                .expectNoEvents();
    }

    @Test
    void aReturnDueBeforeEasterIsOverdueFromTheTuesdayAfterEasterMonday() {
        LocalDate due = LocalDate.of(2026, 4, 2);
        Instant overdueAt = LocalDate.of(2026, 4, 7).atStartOfDay(LONDON).toInstant();
        ReturnReminderSent reminder = new ReturnReminderSent(ID, "missing-2017", "redbridge-2017-18", "RBR-1707-M01",
                "met-police", LocalDate.of(2026, 3, 26), due);
        fixture.givenCurrentTime(at(LocalDate.of(2026, 3, 12), 8))
                .andGivenCommands(request(LocalDate.of(2026, 3, 12), due, LocalDate.of(2026, 3, 26)))
                .whenThenTimeAdvancesTo(overdueAt.minusSeconds(1))
                .expectEvents(reminder);
        setUp();
        fixture.givenCurrentTime(at(LocalDate.of(2026, 3, 12), 8))
                .andGivenCommands(request(LocalDate.of(2026, 3, 12), due, LocalDate.of(2026, 3, 26)))
                .whenThenTimeAdvancesTo(overdueAt)
                .expectEvents(reminder, overdue(due, LocalDate.of(2026, 4, 7), false, true));
    }

    @Test
    void aReturnDueOnChristmasEveIsOverdueAfterTheBoxingDaySubstitute() {
        LocalDate due = LocalDate.of(2026, 12, 24); // Boxing Day 2026 is a Saturday: substitute Monday 28th
        fixture.givenCurrentTime(at(LocalDate.of(2026, 12, 1), 8))
                .andGivenCommands(request(LocalDate.of(2026, 12, 1), due, LocalDate.of(2026, 12, 15)))
                .whenThenTimeAdvancesTo(LocalDate.of(2026, 12, 29).atStartOfDay(LONDON).toInstant())
                .expectEvents(new ReturnReminderSent(ID, "missing-2017", "redbridge-2017-18", "RBR-1707-M01", "met-police",
                        LocalDate.of(2026, 12, 15), due), overdue(due, LocalDate.of(2026, 12, 29), false, true));
    }

    @Test
    void aReturnDueOnChristmasEve2027IsOverdueAfterBothSubstituteDays() {
        LocalDate due = LocalDate.of(2027, 12, 24); // Christmas on Saturday, Boxing Day on Sunday: Mon 27 and Tue 28 off
        Instant overdueAt = LocalDate.of(2027, 12, 29).atStartOfDay(LONDON).toInstant();
        ReturnReminderSent reminder = new ReturnReminderSent(ID, "missing-2017", "redbridge-2017-18", "RBR-1707-M01",
                "met-police", LocalDate.of(2027, 12, 15), due);
        fixture.givenCurrentTime(at(LocalDate.of(2027, 12, 1), 8))
                .andGivenCommands(request(LocalDate.of(2027, 12, 1), due, LocalDate.of(2027, 12, 15)))
                .whenThenTimeAdvancesTo(overdueAt.minusSeconds(1))
                .expectEvents(reminder);
        setUp();
        fixture.givenCurrentTime(at(LocalDate.of(2027, 12, 1), 8))
                .andGivenCommands(request(LocalDate.of(2027, 12, 1), due, LocalDate.of(2027, 12, 15)))
                .whenThenTimeAdvancesTo(overdueAt)
                .expectEvents(reminder, overdue(due, LocalDate.of(2027, 12, 29), false, true));
    }

    @Test
    void noOverdueMarkWhenTheReturnArrivedInTime() {
        fixture.givenCurrentTime(at(REMINDER, 10))
                .andGivenCommands(request(SENT, DUE, REMINDER), new SubmitNilReturn(ID, "SPOC Met", at(DUE, 16), "api", SPOC))
                .whenThenTimeAdvancesTo(LocalDate.of(2017, 7, 26).atStartOfDay(LONDON).toInstant())
                .expectNoEvents();
    }

    @Test
    void anExtensionMovesTheOverdueMarkToAfterTheNewDueDate() {
        LocalDate newDue = LocalDate.of(2017, 8, 7);
        fixture.givenCurrentTime(at(REMINDER, 10))
                .andGivenCommands(request(SENT, DUE, REMINDER),
                        new ExtendReturnDeadline(ID, newDue, "Sick leave", "LSCB Business Manager", at(REMINDER, 10)))
                .whenThenTimeAdvancesTo(LocalDate.of(2017, 8, 8).atStartOfDay(LONDON).toInstant())
                .expectEvents(new ReturnReminderSent(ID, "missing-2017", "redbridge-2017-18", "RBR-1707-M01", "met-police",
                        REMINDER, newDue), overdue(newDue, LocalDate.of(2017, 8, 8), false, true));
    }

    @Test
    void aReturnSentBackAndNotResubmittedGoesOverdueAgain() {
        fixture.givenCurrentTime(at(REMINDER, 10))
                .andGivenCommands(request(SENT, DUE, REMINDER), acknowledge("DI Brown"),
                        submit(at(REMINDER, 11), answers("Yes")),
                        new SendBackReturn(ID, 1, List.of("Too thin"), "QA", at(DUE, 9)))
                .whenThenTimeAdvancesTo(LocalDate.of(2017, 8, 1).atStartOfDay(LONDON).toInstant())
                .expectEvents(overdue(LocalDate.of(2017, 7, 31), LocalDate.of(2017, 8, 1), true, false));
    }

    private static ReturnOverdue overdue(LocalDate due, LocalDate from, boolean resubmission, boolean reminded) {
        return new ReturnOverdue(ID, "missing-2017", "redbridge-2017-18", "RBR-1707-M01", "met-police", due, from,
                resubmission, reminded);
    }

    // --- safeguarding concerns ------------------------------------------------------------------

    private static SafeguardingConcernRaised concern() {
        return new SafeguardingConcernRaised(ID, "missing-2017", "redbridge-2017-18", "RBR-1707-M01", "met-police",
                "c1", "DI Brown", at(REMINDER, 11), "Child missing three times this week; no return interview held");
    }

    @Test
    void aSafeguardingConcernIsRecordedAtOnce() {
        fixture.given(requestedAndNominated())
                .when(new RaiseSafeguardingConcern(ID, "c1", "DI Brown", at(REMINDER, 11),
                        "Child missing three times this week; no return interview held", SPOC))
                .expectEvents(concern());
    }

    @Test
    void aConcernMayNameItsCategoryAndTheOtherAgenciesToBeTold() {
        fixture.given(requestedAndNominated())
                .when(new RaiseSafeguardingConcern(ID, "c2", "DI Brown", at(REMINDER, 11), "Carer's partner not known to police",
                        SafeguardingConcernCategory.VULNERABLE_ADULT, List.of("nelft", "redbridge-asc", "nelft"), SPOC))
                .expectEvents(new SafeguardingConcernRaised(ID, "missing-2017", "redbridge-2017-18", "RBR-1707-M01",
                        "met-police", "c2", "DI Brown", at(REMINDER, 11), "Carer's partner not known to police",
                        SafeguardingConcernCategory.VULNERABLE_ADULT, List.of("nelft", "redbridge-asc")));
    }

    @Test
    void aConcernNamesOnlyOtherAgenciesToBeTold() {
        fixture.given(requestedAndNominated())
                .when(new RaiseSafeguardingConcern(ID, "c3", "DI Brown", at(REMINDER, 11), "Unsafe discharge practice",
                        SafeguardingConcernCategory.UNSAFE_PRACTICE, List.of("met-police"), SPOC))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("The concern goes to met-police in any case; name only the other agencies to be told.");
    }

    @Test
    void raisingTheSameConcernAgainChangesNothing() {
        fixture.given(requestedAndNominated()).andGiven(concern())
                .when(new RaiseSafeguardingConcern(ID, "c1", "DI Brown", at(REMINDER, 12),
                        "Child missing three times this week; no return interview held", SPOC))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void theAgencyAcknowledgesAConcernWithItsResponse() {
        fixture.given(requestedAndNominated()).andGiven(concern())
                .when(new AcknowledgeSafeguardingConcern(ID, "c1", "SPOC Met", at(REMINDER, 15), "Strategy meeting held", SPOC))
                .expectEvents(new SafeguardingConcernAcknowledged(ID, "missing-2017", "redbridge-2017-18", "RBR-1707-M01",
                        "met-police", "c1", "SPOC Met", at(REMINDER, 15), "Strategy meeting held"));
    }

    @Test
    void cannotAcknowledgeAnUnknownConcern() {
        fixture.given(requestedAndNominated())
                .when(new AcknowledgeSafeguardingConcern(ID, "c9", "SPOC Met", at(REMINDER, 15), "Noted", SPOC))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("No safeguarding concern 'c9' on this request.");
    }

    // --- who may act: decided by the request's own agency, not by a read model that may lag --------

    private static final ActorAccess OTHER_AGENCY = ActorAccess.ofAgency("AGENCY_SPOC", "nelft");

    /** Every command agency staff may send, as another agency's SPOC sends it. */
    static Stream<Object> anotherAgencysCommands() {
        Instant at = at(REMINDER, 11);
        return Stream.of(
                new AcknowledgeReturnRequest(ID, "SPOC NELFT", at, "DC Jones", "DS Patel", "DI Brown", OTHER_AGENCY),
                new NominateAuditor(ID, "DI Green", "SPOC NELFT", at, OTHER_AGENCY),
                new SubmitReturn(ID, "SPOC NELFT", at, "api", answers("Yes"), OTHER_AGENCY),
                new SubmitNilReturn(ID, "SPOC NELFT", at, "api", OTHER_AGENCY),
                new RaiseSafeguardingConcern(ID, "c2", "DI Green", at, "Seen at school", OTHER_AGENCY),
                new AcknowledgeSafeguardingConcern(ID, "c1", "SPOC NELFT", at, "Noted", OTHER_AGENCY),
                new SubmitNilReturn(ID, "agency system", at, "kafka", ActorAccess.agencySystem("nelft")),
                new SubmitNilReturn(ID, "nobody", at, "api", null));
    }

    @ParameterizedTest
    @MethodSource("anotherAgencysCommands")
    void anotherAgencysCommandIsRefusedAsIfTheRequestDidNotExist(Object command) {
        fixture.given(requestedAndNominated()).andGiven(concern())
                .when(command)
                .expectException(NotVisible.class)
                .expectExceptionMessage("No return request '" + ID + "'.")
                .expectNoEvents();
    }

    @Test
    void theQaCoordinatorRecordsAReturnForTheAgency() {
        Instant at = at(LocalDate.of(2017, 7, 10), 9);
        fixture.given(requested(SENT, DUE, REMINDER), new AuditToolRecorded(ID, QUESTIONS))
                .when(new SubmitNilReturn(ID, "SPOC Met (on paper)", at, "api", ActorAccess.partnership("QA_COORDINATOR")))
                .expectEvents(new NilReturnSubmitted(ID, "missing-2017", "redbridge-2017-18", "RBR-1707-M01", "met-police",
                        1, "SPOC Met (on paper)", at, LocalDate.of(2017, 7, 10), DUE, 0, "api", LocalDate.of(2016, 7, 3), SENT,
                        "No involvement with the child or family in the 12 months before the audit"));
    }
}
