package io.maap.reporting.scorecard.query;

import io.maap.reporting.scorecard.query.Scorecards;

import io.maap.events.CaseType;
import io.maap.events.actionplan.ActionAdded;
import io.maap.events.actionplan.ActionClosed;
import io.maap.events.actionplan.ActionProgressReported;
import io.maap.events.actionplan.FindingKind;
import io.maap.events.actionplan.FindingRecorded;
import io.maap.events.actionplan.Rag;
import io.maap.events.auditprogramme.AuditPlanned;
import io.maap.events.auditprogramme.ChallengeDayHeld;
import io.maap.events.auditprogramme.Milestone;
import io.maap.events.auditprogramme.PlannedDate;
import io.maap.events.board.BoardScorecardUpdated;
import io.maap.events.casereturn.NilReturnSubmitted;
import io.maap.events.casereturn.ReturnAccepted;
import io.maap.events.casereturn.ReturnRequested;
import io.maap.events.casereturn.ReturnSentBack;
import io.maap.events.casereturn.ReturnSubmitted;
import io.maap.reporting.audits.query.AuditsProjection;
import io.maap.reporting.learning.query.LearningProjection;
import io.maap.reporting.projection.query.Projection;
import io.maap.reporting.projection.query.ProjectionStore;
import io.maap.reporting.returns.query.ReturnsProjection;
import io.maap.support.calendar.Lateness;
import io.maap.support.calendar.WorkingDayCalendar;
import io.maap.support.messaging.IncomingEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.maap.reporting.ProjectionTestSupport.event;
import static org.assertj.core.api.Assertions.assertThat;

class ScorecardsTest {

    private static final String P = "redbridge-2017-18";
    private static final String A = "rbr-2017-missing";
    private static final LocalDate DUE = LocalDate.of(2017, 7, 24);

    private final List<Projection> projections = List.of(new ReturnsProjection(), new LearningProjection(), new AuditsProjection());
    private final Scorecards scorecards = new Scorecards(new Lateness(WorkingDayCalendar.englandAndWales()));
    private ProjectionStore store;

    @BeforeEach
    void setUp() {
        store = io.maap.reporting.ProjectionTestSupport.newStore();
        prepare(store);
    }

    /** How a generation starts: here, filled before programme figures were kept, so scorecards count the projections' own documents. */
    void prepare(ProjectionStore store) {
    }

    private void apply(Object payload, long sequence) {
        IncomingEvent event = event(payload, sequence);
        projections.forEach(p -> p.apply(event, store));
    }

    private static ReturnRequested requested(String id, String agency) {
        return new ReturnRequested(id, A, P, "RBR-1707-M0" + id.charAt(id.length() - 1), CaseType.CHILD_IN_NEED, agency,
                LocalDate.of(2017, 7, 3), DUE, LocalDate.of(2017, 7, 17));
    }

    private static ReturnSubmitted submitted(String id, String agency, int version, int late) {
        return new ReturnSubmitted(id, A, P, "RBR-1707-M0" + id.charAt(id.length() - 1), agency, version, "spoc", "auditor",
                Instant.parse("2017-07-20T10:00:00Z"), DUE.plusDays(late), DUE, late, "api", List.of());
    }

    /** Five requests: on time and accepted, late, nil, sent back awaiting resubmission, never returned. */
    private void aRealisticAudit() {
        apply(requested("r1", "met-police"), 0);
        apply(submitted("r1", "met-police", 1, 0), 1);
        apply(new ReturnAccepted("r1", A, P, "RBR-1707-M01", "met-police", 1, false, "qa", Instant.parse("2017-07-25T09:00:00Z")), 2);
        apply(requested("r2", "nelft"), 0);
        apply(submitted("r2", "nelft", 1, 3), 1);
        apply(requested("r3", "bhrut"), 0);
        apply(new NilReturnSubmitted("r3", A, P, "RBR-1707-M03", "bhrut", 1, "spoc", Instant.parse("2017-07-10T09:00:00Z"),
                LocalDate.of(2017, 7, 10), DUE, 0, "kafka", LocalDate.of(2016, 7, 10), LocalDate.of(2017, 7, 10)), 1);
        apply(requested("r4", "met-police"), 0);
        apply(submitted("r4", "met-police", 1, 0), 1);
        apply(new ReturnSentBack("r4", A, P, "RBR-1707-M04", "met-police", 1, List.of("Question 2 unanswered in substance"),
                "qa", Instant.parse("2017-07-25T09:00:00Z"), LocalDate.of(2017, 7, 25), LocalDate.of(2017, 8, 1)), 2);
        apply(requested("r5", "nelft"), 0);
    }

    @Test
    void countsReturnsByHowTheyArrived() {
        aRealisticAudit();

        BoardScorecardUpdated.Returns returns = scorecards.compute(store, LocalDate.of(2017, 8, 2), P, null, null).figures().returns();

        assertThat(returns).isEqualTo(new BoardScorecardUpdated.Returns(5, 4, 3, 1, 1, 1, 1, 2, 2));
    }

    @Test
    void duplicatesAndReplaysNeverDoubleCount() {
        aRealisticAudit();
        aRealisticAudit();
        apply(new ReturnSentBack("r4", A, P, "RBR-1707-M04", "met-police", 1, List.of("again"), "qa",
                Instant.parse("2017-07-25T09:00:00Z"), LocalDate.of(2017, 7, 25), LocalDate.of(2017, 8, 1)), 2);

        BoardScorecardUpdated.Returns returns = scorecards.compute(store, LocalDate.of(2017, 7, 26), P, null, null).figures().returns();

        assertThat(returns).isEqualTo(new BoardScorecardUpdated.Returns(5, 4, 3, 1, 1, 1, 1, 2, 1));
        assertThat(store.mongo().findById("r4", org.bson.Document.class, store.collection(ReturnsProjection.RETURNS))
                .getInteger("sentBackCount")).isEqualTo(1);
    }

    @Test
    void anAgencyScorecardCountsOnlyItsOwnReturns() {
        aRealisticAudit();

        BoardScorecardUpdated.Returns police = scorecards.compute(store, LocalDate.of(2017, 7, 26), P, null, "met-police").figures().returns();

        assertThat(police.expected()).isEqualTo(2);
        assertThat(police.sentBack()).isEqualTo(1);
        assertThat(police.accepted()).isEqualTo(1);
    }

    @Test
    void countsFindingsByAspectAndActionsByRag() {
        apply(new FindingRecorded("f1", A, P, "voice-of-the-child", "Voice of the child", FindingKind.AREA_FOR_IMPROVEMENT,
                List.of("nelft"), List.of("RBR-1707-M01"), "Wishes not recorded", "Record wishes", "qa", LocalDate.of(2017, 8, 21)), 0);
        apply(new FindingRecorded("f2", A, P, "voice-of-the-child", "Voice of the child", FindingKind.GOOD_PRACTICE,
                List.of("met-police"), List.of(), "Child seen alone", "Share", "qa", LocalDate.of(2017, 8, 21)), 1);
        apply(new ActionAdded("a1", "plan1", A, P, "Audit recording of wishes", "nelft", "Named nurse", LocalDate.of(2017, 12, 1),
                List.of("f1"), "Wishes recorded in 90% of files", LocalDate.of(2017, 9, 20)), 2);
        apply(new ActionAdded("a2", "plan1", A, P, "Briefing", "met-police", "DI", LocalDate.of(2017, 10, 1),
                List.of("f1"), "Briefing held", LocalDate.of(2017, 9, 20)), 3);
        apply(new ActionProgressReported("u1", "a1", "plan1", A, P, "nelft", Rag.AMBER, "Started", "nurse", LocalDate.of(2017, 10, 2), null), 4);
        apply(new ActionClosed("a2", "plan1", A, P, "met-police", "Attendance 40 officers", "qa", LocalDate.of(2017, 9, 30),
                LocalDate.of(2017, 10, 1)), 5);

        BoardScorecardUpdated.Figures figures = scorecards.compute(store, LocalDate.of(2017, 12, 4), P, null, null).figures();

        assertThat(figures.findingsByAspect()).containsEntry("voice-of-the-child", new BoardScorecardUpdated.FindingCounts(1, 1));
        assertThat(figures.actions()).isEqualTo(new BoardScorecardUpdated.Actions(2, 1, 0, 1, 0, 0, 1, 1));
    }

    @Test
    void theScorecardOfEveryProgrammeCountsEveryProgrammesFindingsActionsAndMilestones() {
        countsFindingsByAspectAndActionsByRag();
        milestonesAreMetOnTrackOrOverdueAgainstTheirPlannedWindow();
        String p2 = "havering-2017-18";
        String a2 = "hav-2017-neglect";
        apply(new FindingRecorded("f9", a2, p2, "voice-of-the-child", "Voice of the child", FindingKind.GOOD_PRACTICE,
                List.of("nelft"), List.of(), "Child seen alone", "Share", "qa", LocalDate.of(2017, 8, 21)), 0);
        apply(new FindingRecorded("f8", a2, p2, "management-oversight", "Management oversight", FindingKind.AREA_FOR_IMPROVEMENT,
                List.of("nelft"), List.of(), "No supervision", "Supervise", "qa", LocalDate.of(2017, 8, 21)), 1);
        apply(new ActionAdded("a9", "plan9", a2, p2, "Supervision audit", "nelft", "Lead", LocalDate.of(2017, 9, 1),
                List.of("f8"), "Supervision recorded", LocalDate.of(2017, 8, 25)), 2);
        LocalDate day = LocalDate.of(2017, 12, 4);

        BoardScorecardUpdated.Figures all = scorecards.compute(store, day, null, null, null).figures();

        assertThat(all.findingsByAspect()).containsOnly(
                Map.entry("voice-of-the-child", new BoardScorecardUpdated.FindingCounts(2, 1)),
                Map.entry("management-oversight", new BoardScorecardUpdated.FindingCounts(0, 1)));
        assertThat(all.actions()).isEqualTo(new BoardScorecardUpdated.Actions(3, 2, 0, 1, 0, 1, 2, 1));
        assertThat(all.milestones()).isEqualTo(new BoardScorecardUpdated.Milestones(2, 1, 0, 0, 1));
        assertThat(scorecards.compute(store, day, null, null, "nelft").figures().actions())
                .as("one agency's actions across programmes").isEqualTo(new BoardScorecardUpdated.Actions(2, 2, 0, 1, 0, 1, 2, 0));
    }

    @Test
    void milestonesAreMetOnTrackOrOverdueAgainstTheirPlannedWindow() {
        apply(new AuditPlanned(A, P, "Children who go missing", "Missing", List.of("7"), "Chair", "July - September",
                List.of(), List.of(), List.of(), List.of(
                new AuditPlanned.PlannedMilestone(Milestone.CHALLENGE_DAY, new PlannedDate(LocalDate.of(2017, 8, 21), PlannedDate.Precision.WEEK_COMMENCING)),
                new AuditPlanned.PlannedMilestone(Milestone.SIGNED_OFF, new PlannedDate(LocalDate.of(2017, 9, 20), PlannedDate.Precision.DAY))),
                List.of()), 0);
        apply(new ChallengeDayHeld(A, P, LocalDate.of(2017, 8, 24), "Independent chair", LocalDate.of(2017, 8, 22), null), 1);

        assertThat(scorecards.compute(store, LocalDate.of(2017, 9, 1), P, null, null).figures().milestones())
                .isEqualTo(new BoardScorecardUpdated.Milestones(2, 1, 0, 1, 0));
        assertThat(scorecards.compute(store, LocalDate.of(2017, 9, 21), P, null, null).figures().milestones())
                .isEqualTo(new BoardScorecardUpdated.Milestones(2, 1, 0, 0, 1));
    }

    @Test
    void theScorecardOfEveryProgrammeAddsUpEachProgrammesOwn() {
        aRealisticAudit();
        String p2 = "havering-2017-18";
        String a2 = "hav-2017-neglect";
        apply(new ReturnRequested("h1", a2, p2, "HAV-1707-N01", CaseType.CHILD_IN_NEED, "nelft",
                LocalDate.of(2017, 7, 3), DUE, LocalDate.of(2017, 7, 17)), 0);
        apply(new ReturnRequested("h2", a2, p2, "HAV-1707-N02", CaseType.CHILD_IN_NEED, "met-police",
                LocalDate.of(2017, 7, 3), DUE, LocalDate.of(2017, 7, 17)), 0);
        apply(new ReturnSubmitted("h2", a2, p2, "HAV-1707-N02", "met-police", 1, "spoc", "auditor",
                Instant.parse("2017-07-20T10:00:00Z"), DUE, DUE, 0, "api", List.of()), 1);
        apply(new FindingRecorded("f9", a2, p2, "voice-of-the-child", "Voice of the child", FindingKind.GOOD_PRACTICE,
                List.of("nelft"), List.of(), "Child seen alone", "Share", "qa", LocalDate.of(2017, 8, 21)), 0);
        LocalDate day = LocalDate.of(2017, 8, 2);

        BoardScorecardUpdated.Figures all = scorecards.compute(store, day, null, null, null).figures();

        assertThat(all.returns()).isEqualTo(new BoardScorecardUpdated.Returns(7, 5, 4, 1, 1, 1, 1, 3, 3));
        assertThat(all.findingsByAspect()).containsEntry("voice-of-the-child", new BoardScorecardUpdated.FindingCounts(1, 0));
        assertThat(scorecards.compute(store, day, null, null, "met-police").figures().returns())
                .as("one agency across programmes").isEqualTo(new BoardScorecardUpdated.Returns(3, 3, 3, 0, 0, 1, 1, 1, 1));
        assertThat(scorecards.compute(store, day, null, a2, null).figures().returns())
                .as("one audit, its programme not named").isEqualTo(scorecards.compute(store, day, p2, a2, null).figures().returns());
    }

    @Test
    void theScorecardOfEveryProgrammeCountsEachOfManyProgrammesOnce() {
        // many programmes, each with requests of both agencies, some received on time and some late
        int programmes = 37;
        for (int i = 0; i < 3 * programmes; i++) {
            String programme = "programme-" + i % programmes;
            String id = "q" + i;
            String agency = i % 2 == 0 ? "nelft" : "met-police";
            apply(new ReturnRequested(id, programme + "-audit", programme, "REF-" + i, CaseType.CHILD_IN_NEED, agency,
                    LocalDate.of(2017, 7, 3), DUE, LocalDate.of(2017, 7, 17)), 0);
            if (i % 3 == 0) {
                apply(new ReturnSubmitted(id, programme + "-audit", programme, "REF-" + i, agency, 1, "spoc", "auditor",
                        Instant.parse("2017-07-20T10:00:00Z"), DUE.plusDays(i % 2), DUE, i % 2, "api", List.of()), 1);
            }
        }
        LocalDate day = LocalDate.of(2017, 8, 2);

        // 111 requests, 37 received (i % 3 == 0), of those the odd i late; the rest awaited and overdue
        assertThat(scorecards.compute(store, day, null, null, null).figures().returns())
                .isEqualTo(new BoardScorecardUpdated.Returns(111, 37, 19, 18, 0, 0, 0, 74, 74));
        assertThat(scorecards.compute(store, day, null, null, "met-police").figures().returns())
                .as("one agency across programmes").isEqualTo(new BoardScorecardUpdated.Returns(55, 18, 0, 18, 0, 0, 0, 37, 37));
    }
}
