package io.maap.reporting.scorecard.query;

import io.maap.reporting.scorecard.query.Scorecards;

import io.maap.events.board.BoardScorecardUpdated.Actions;
import io.maap.events.board.BoardScorecardUpdated.FindingCounts;
import io.maap.events.board.BoardScorecardUpdated.Milestones;
import io.maap.events.board.BoardScorecardUpdated.Returns;
import io.maap.reporting.ProjectionTestSupport;
import io.maap.reporting.learning.query.LearningProjection;
import io.maap.reporting.projection.query.Documents;
import io.maap.reporting.projection.query.ProjectionStore;
import io.maap.reporting.returns.query.ReturnsProjection;
import io.maap.support.calendar.Lateness;
import io.maap.support.calendar.WorkingDayCalendar;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scorecard's figures as MongoDB counts them, from projection documents written directly,
 * some of them sparse (fields missing, as when a later event arrived first), for each scope.
 */
class ScorecardCountingTest {

    private static final String P1 = "redbridge-2017-18";
    private static final String P2 = "havering-2017-18";
    private static final LocalDate TODAY = LocalDate.of(2017, 8, 2);

    private final Scorecards scorecards = new Scorecards(new Lateness(WorkingDayCalendar.englandAndWales()));
    private final ScorecardFigures counted = new ScorecardFigures(new Lateness(WorkingDayCalendar.englandAndWales()));
    private ProjectionStore store;
    /** Documents made for the collection being filled, inserted together. */
    private final List<Document> pending = new ArrayList<>();

    @BeforeEach
    void setUp() {
        store = ProjectionTestSupport.newStore();
        returns();
        actions();
        findings();
    }

    /** Programme 1 has nine return requests over two audits; programme 2 has two. */
    private void returns() {
        // P1, audit a1: on time and accepted; late; nil; sent back and overdue; due today; overdue
        returnRequest("r1", P1, "a1", "met-police").append("received", true).append("firstWorkingDaysLate", 0)
                .append("status", "ACCEPTED").append("awaitingAgency", false).append("dueDate", "2017-07-24");
        returnRequest("r2", P1, "a1", "nelft").append("received", true).append("firstWorkingDaysLate", 3)
                .append("status", "SUBMITTED").append("awaitingAgency", false).append("dueDate", "2017-07-24");
        returnRequest("r3", P1, "a1", "bhrut").append("received", true).append("firstWorkingDaysLate", 0).append("nil", true)
                .append("status", "SUBMITTED").append("awaitingAgency", false).append("dueDate", "2017-07-24");
        returnRequest("r4", P1, "a1", "met-police").append("received", true).append("firstWorkingDaysLate", 0)
                .append("sentBackCount", 1).append("status", "SENT_BACK").append("awaitingAgency", true)
                .append("dueDate", "2017-08-01");
        returnRequest("r5", P1, "a1", "nelft").append("received", false).append("status", "AWAITING")
                .append("awaitingAgency", true).append("dueDate", "2017-08-02");
        returnRequest("r6", P1, "a1", "nelft").append("received", false).append("status", "AWAITING")
                .append("awaitingAgency", true).append("dueDate", "2017-07-24");
        // P1, audit a2: due later; received with no working days late recorded (on time); nothing but its scope
        returnRequest("r7", P1, "a2", "met-police").append("received", false).append("status", "AWAITING")
                .append("awaitingAgency", true).append("dueDate", "2017-08-10");
        returnRequest("r8", P1, "a2", "bhrut").append("received", true).append("status", "SUBMITTED")
                .append("awaitingAgency", false).append("dueDate", "2017-07-24");
        returnRequest("r9", P1, "a2", "met-police");
        // P2: late, sent back twice and accepted; one with no agency, overdue
        returnRequest("r10", P2, "a3", "met-police").append("received", true).append("firstWorkingDaysLate", 1)
                .append("sentBackCount", 2).append("status", "ACCEPTED").append("awaitingAgency", false)
                .append("dueDate", "2017-07-24");
        returnRequest("r11", P2, "a3", null).append("received", false).append("status", "AWAITING")
                .append("awaitingAgency", true).append("dueDate", "2017-07-01");
        insertAll(ReturnsProjection.RETURNS);
    }

    private void actions() {
        action("a1", P1, "a1", "nelft", true, "GREEN", "2017-09-01");
        action("a2", P1, "a1", "nelft", true, "AMBER", "2017-07-31");
        action("a3", P1, "a1", "met-police", true, "RED", "2017-08-02");
        action("a4", P1, "a1", "met-police", true, null, "2017-07-01");
        action("a5", P1, "a1", "met-police", false, "GREEN", "2017-07-01");
        action("a6", P1, "a2", "bhrut", true, null, "2017-12-01").append("rag", null);
        pending.add(new Document("_id", "a7").append("programmeId", P1).append("auditId", "a2").append("owningAgency", "bhrut"));
        action("a8", P2, "a3", "met-police", true, "RED", "2017-01-01");
        insertAll(LearningProjection.ACTIONS);
    }

    private void findings() {
        finding("f1", P1, "a1", "voice-of-the-child", "AREA_FOR_IMPROVEMENT", "nelft", "met-police");
        finding("f2", P1, "a1", "voice-of-the-child", "GOOD_PRACTICE", "met-police");
        finding("f3", P1, "a1", "information-sharing", "AREA_FOR_IMPROVEMENT", "bhrut");
        finding("f4", P1, "a2", "information-sharing", "GOOD_PRACTICE", "nelft");
        finding("f5", P1, "a2", "information-sharing", null, "met-police");
        finding("f6", P2, "a3", "voice-of-the-child", "GOOD_PRACTICE", "met-police");
        insertAll(LearningProjection.FINDINGS);
    }

    @Test
    void countsAProgrammesReturnsByHowTheyArrived() {
        Returns returns = scorecards.compute(store, TODAY, P1, null, null).figures().returns();

        // expected, received, on time, late, nil, sent back, accepted, outstanding, overdue
        assertThat(returns).isEqualTo(new Returns(9, 5, 4, 1, 1, 1, 1, 4, 2));
    }

    @Test
    void overdueDependsOnTheDaySeenFrom() {
        assertThat(scorecards.compute(store, LocalDate.of(2017, 7, 25), P1, null, null).figures().returns().overdue()).isEqualTo(1);
        assertThat(scorecards.compute(store, LocalDate.of(2017, 8, 3), P1, null, null).figures().returns().overdue()).isEqualTo(3);
        assertThat(scorecards.compute(store, LocalDate.of(2017, 12, 4), P1, null, null).figures().actions().overdue()).isEqualTo(5);
    }

    @Test
    void filtersByProgrammeAuditAndAgency() {
        assertThat(scorecards.compute(store, TODAY, P1, "a1", null).figures().returns())
                .isEqualTo(new Returns(6, 4, 3, 1, 1, 1, 1, 3, 2));
        assertThat(scorecards.compute(store, TODAY, P1, null, "met-police").figures().returns())
                .isEqualTo(new Returns(4, 2, 2, 0, 0, 1, 1, 2, 1));
        assertThat(scorecards.compute(store, TODAY, P1, "a1", "nelft").figures().returns())
                .isEqualTo(new Returns(3, 1, 0, 1, 0, 0, 0, 2, 1));
        assertThat(scorecards.compute(store, TODAY, P2, null, null).figures().returns())
                .isEqualTo(new Returns(2, 1, 0, 1, 0, 1, 1, 1, 1));
        assertThat(scorecards.compute(store, TODAY, null, null, null).figures().returns())
                .isEqualTo(new Returns(11, 6, 4, 2, 1, 2, 2, 5, 3));
    }

    @Test
    void countsActionsByRagOpenOverdueAndClosed() {
        // total, open, on track, at risk, off track, no update, overdue, closed
        assertThat(scorecards.compute(store, TODAY, P1, null, null).figures().actions())
                .isEqualTo(new Actions(7, 5, 1, 1, 1, 2, 2, 2));
        assertThat(scorecards.compute(store, TODAY, P1, "a1", null).figures().actions())
                .isEqualTo(new Actions(5, 4, 1, 1, 1, 1, 2, 1));
        assertThat(scorecards.compute(store, TODAY, P1, null, "met-police").figures().actions())
                .isEqualTo(new Actions(3, 2, 0, 0, 1, 1, 1, 1));
        assertThat(scorecards.compute(store, TODAY, P2, null, null).figures().actions())
                .isEqualTo(new Actions(1, 1, 0, 0, 1, 0, 1, 0));
    }

    @Test
    void countsFindingsByAspectAndKind() {
        assertThat(scorecards.compute(store, TODAY, P1, null, null).figures().findingsByAspect()).isEqualTo(Map.of(
                "information-sharing", new FindingCounts(1, 2), "voice-of-the-child", new FindingCounts(1, 1)));
        assertThat(scorecards.compute(store, TODAY, P1, "a1", null).figures().findingsByAspect()).isEqualTo(Map.of(
                "information-sharing", new FindingCounts(0, 1), "voice-of-the-child", new FindingCounts(1, 1)));
        assertThat(scorecards.compute(store, TODAY, P1, null, "met-police").figures().findingsByAspect()).isEqualTo(Map.of(
                "information-sharing", new FindingCounts(0, 1), "voice-of-the-child", new FindingCounts(1, 1)));
        assertThat(scorecards.compute(store, TODAY, P1, "a2", "nelft").figures().findingsByAspect())
                .isEqualTo(Map.of("information-sharing", new FindingCounts(1, 0)));
        assertThat(scorecards.compute(store, TODAY, P2, null, null).figures().findingsByAspect())
                .isEqualTo(Map.of("voice-of-the-child", new FindingCounts(1, 0)));
    }

    @Test
    void withoutADueDateNothingIsOverdue() {
        returnRequest("r12", "p3", "a4", "nelft").append("awaitingAgency", true);
        insertAll(ReturnsProjection.RETURNS);
        pending.add(new Document("_id", "a9").append("programmeId", "p3").append("auditId", "a4").append("open", true));
        insertAll(LearningProjection.ACTIONS);

        var figures = scorecards.compute(store, TODAY, "p3", null, null).figures();

        assertThat(figures.returns()).isEqualTo(new Returns(1, 0, 0, 0, 0, 0, 0, 1, 0));
        assertThat(figures.actions()).isEqualTo(new Actions(1, 1, 0, 0, 0, 1, 0, 0));
    }

    @Test
    void aReturnDueOnAFridayIsNotOverdueOnTheSaturdayNorTheSundayButIsOnTheMonday() {
        returnRequest("r13", "p4", "a5", "nelft").append("received", false).append("status", "AWAITING")
                .append("awaitingAgency", true).append("dueDate", "2017-07-21");
        insertAll(ReturnsProjection.RETURNS);

        assertThat(scorecards.compute(store, LocalDate.of(2017, 7, 22), "p4", null, null).figures().returns().overdue()).isZero();
        assertThat(scorecards.compute(store, LocalDate.of(2017, 7, 23), "p4", null, null).figures().returns().overdue()).isZero();
        assertThat(scorecards.returnsByAgency(store, LocalDate.of(2017, 7, 22), "p4").get("nelft").overdue()).isZero();
        assertThat(scorecards.compute(store, LocalDate.of(2017, 7, 24), "p4", null, null).figures().returns().overdue()).isEqualTo(1);
        assertThat(scorecards.returnsByAgency(store, LocalDate.of(2017, 7, 24), "p4").get("nelft").overdue()).isEqualTo(1);
    }

    @Test
    void aScopeWithNothingCountsZeros() {
        var figures = scorecards.compute(store, TODAY, "no-such-programme", null, null).figures();

        assertThat(figures.returns()).isEqualTo(new Returns(0, 0, 0, 0, 0, 0, 0, 0, 0));
        assertThat(figures.actions()).isEqualTo(new Actions(0, 0, 0, 0, 0, 0, 0, 0));
        assertThat(figures.findingsByAspect()).isEmpty();
        assertThat(figures.milestones()).isEqualTo(new Milestones(0, 0, 0, 0, 0));
    }

    @Test
    void countsEachAgencyOfAProgrammeInOneGo() {
        assertThat(scorecards.returnsByAgency(store, TODAY, P1)).isEqualTo(Map.of(
                "bhrut", new Returns(2, 2, 2, 0, 1, 0, 0, 0, 0),
                "met-police", new Returns(4, 2, 2, 0, 0, 1, 1, 2, 1),
                "nelft", new Returns(3, 1, 0, 1, 0, 0, 0, 2, 1)));
        assertThat(scorecards.returnsByAgency(store, TODAY, P2)).containsOnlyKeys("met-police");
        assertThat(scorecards.actionsByAgency(store, TODAY, null, P1)).isEqualTo(Map.of(
                "bhrut", new Actions(2, 1, 0, 0, 0, 1, 0, 1),
                "met-police", new Actions(3, 2, 0, 0, 1, 1, 1, 1),
                "nelft", new Actions(2, 2, 1, 1, 0, 0, 1, 0)));
    }

    @Test
    void countingDocumentsInHandAgreesWithMongoDbOnSparseDocuments() {
        for (LocalDate day : List.of(LocalDate.of(2017, 7, 22), TODAY, LocalDate.of(2017, 12, 4))) {
            List<Document> returns = Documents.find(store, ReturnsProjection.RETURNS, new Criteria());
            assertThat(figures(Counting.countAll(returns, counted.returnFigures(day)))).isEqualTo(figures(
                    Counting.countAll(store, ReturnsProjection.RETURNS, new Criteria(), counted.returnFigures(day))));
            assertThat(figures(Counting.countBy(returns, "agency", counted.returnFigures(day)))).isEqualTo(figures(
                    Counting.countBy(store, ReturnsProjection.RETURNS, new Criteria(), "agency", counted.returnFigures(day))));
            List<Document> actions = Documents.find(store, LearningProjection.ACTIONS, new Criteria());
            assertThat(figures(Counting.countBy(actions, "owningAgency", counted.actionFigures(day)))).isEqualTo(figures(
                    Counting.countBy(store, LearningProjection.ACTIONS, new Criteria(), "owningAgency", counted.actionFigures(day))));
        }
        List<Document> findings = Documents.find(store, LearningProjection.FINDINGS, new Criteria());
        assertThat(figures(Counting.countBy(findings, "aspect", ScorecardFigures.findingFigures()))).isEqualTo(figures(
                Counting.countBy(store, LearningProjection.FINDINGS, new Criteria(), "aspect", ScorecardFigures.findingFigures())));
    }

    /** A counting result's figures as numbers by name, whoever counted them. */
    private static Map<String, Integer> figures(Document counts) {
        Map<String, Integer> figures = new java.util.TreeMap<>();
        counts.forEach((name, value) -> {
            if (!name.equals("_id")) {
                figures.put(name, ((Number) value).intValue());
            }
        });
        return figures;
    }

    private static Map<String, Map<String, Integer>> figures(Map<String, Document> countsByValue) {
        Map<String, Map<String, Integer>> figures = new java.util.TreeMap<>();
        countsByValue.forEach((value, counts) -> figures.put(value, figures(counts)));
        return figures;
    }

    @Test
    void listsTheAgenciesAskedForReturnsWithoutReadingThem() {
        assertThat(Documents.distinct(store, ReturnsProjection.RETURNS, "agency", Documents.where("programmeId", P1)))
                .containsExactly("bhrut", "met-police", "nelft");
        assertThat(Documents.distinct(store, ReturnsProjection.RETURNS, "agency", Documents.where("programmeId", P2)))
                .containsExactly("met-police");
        assertThat(Documents.distinct(store, ReturnsProjection.RETURNS, "agency", new Criteria()))
                .containsExactly("bhrut", "met-police", "nelft");
    }

    private Document returnRequest(String id, String programmeId, String auditId, String agency) {
        Document request = new Document("_id", id).append("programmeId", programmeId).append("auditId", auditId);
        if (agency != null) {
            request.append("agency", agency);
        }
        pending.add(request);
        return request;
    }

    private Document action(String id, String programmeId, String auditId, String agency, boolean open, String rag,
                            String dueDate) {
        Document action = new Document("_id", id).append("programmeId", programmeId).append("auditId", auditId)
                .append("owningAgency", agency).append("open", open).append("dueDate", dueDate);
        if (rag != null) {
            action.append("rag", rag);
        }
        pending.add(action);
        return action;
    }

    private void finding(String id, String programmeId, String auditId, String aspect, String kind, String... agencies) {
        Document finding = new Document("_id", id).append("programmeId", programmeId).append("auditId", auditId)
                .append("aspect", aspect).append("agencies", List.of(agencies));
        if (kind != null) {
            finding.append("kind", kind);
        }
        pending.add(finding);
    }

    private void insertAll(String collection) {
        store.mongo().insert(pending, store.collection(collection));
        pending.clear();
    }
}
