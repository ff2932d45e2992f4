package io.maap.reporting.scorecard.query;

import io.maap.events.board.BoardScorecardUpdated;
import io.maap.events.board.BoardScorecardUpdated.Actions;
import io.maap.events.board.BoardScorecardUpdated.FindingCounts;
import io.maap.events.board.BoardScorecardUpdated.Milestones;
import io.maap.events.board.BoardScorecardUpdated.Returns;
import io.maap.reporting.ProjectionTestSupport;
import io.maap.reporting.audits.query.AuditsProjection;
import io.maap.reporting.learning.query.LearningProjection;
import io.maap.reporting.projection.query.ProjectionStore;
import io.maap.reporting.returns.query.ReturnsProjection;
import io.maap.support.calendar.Lateness;
import io.maap.support.calendar.WorkingDayCalendar;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static java.time.LocalDate.of;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scorecard, compliance figures and board feed "as of" a date: the position on that date from
 * the business dates the documents hold (all entered today, as the demo year is), without replay.
 */
class ScorecardAsOfTest {

    private static final String P = "redbridge-2017-18";
    private static final LocalDate TODAY = of(2026, 12, 3);

    private final Scorecards scorecards = new Scorecards(new Lateness(WorkingDayCalendar.englandAndWales()));
    private ProjectionStore store;

    @BeforeEach
    void setUp() {
        store = ProjectionTestSupport.newStore();
        // Requested 3 July 2017, due Friday 21 July: one in on time, one in late (25 July), one never in.
        store.mongo().insert(List.of(
                returned("r1", "met-police", "2017-07-20", 0),
                returned("r2", "nelft", "2017-07-25", 2),
                awaited("r3", "bhrut")), store.collection(ReturnsProjection.RETURNS));
        store.mongo().insert(List.of(
                new Document("_id", "f1").append("programmeId", P).append("auditId", "a1").append("aspect", "voice")
                        .append("kind", "AREA_FOR_IMPROVEMENT").append("agencies", List.of("nelft"))
                        .append("recordedOn", "2017-09-20")), store.collection(LearningProjection.FINDINGS));
        store.mongo().insert(List.of(
                new Document("_id", "x1").append("programmeId", P).append("auditId", "a1").append("owningAgency", "nelft")
                        .append("addedOn", "2017-10-02").append("dueDate", "2017-12-29").append("open", false)
                        .append("rag", "GREEN").append("closedOn", "2018-03-01").append("history", List.of(
                                new Document("kind", "ADDED").append("on", "2017-10-02"),
                                new Document("kind", "PROGRESS").append("on", "2017-11-01").append("rag", "AMBER"),
                                new Document("kind", "CLOSED").append("on", "2018-03-01")))),
                store.collection(LearningProjection.ACTIONS));
        store.mongo().insert(List.of(new Document("_id", "a1").append("programmeId", P).append("title", "Neglect")
                .append("stage", "CLOSED").append("milestones", new Document()
                        .append("TOOL_SENT", milestone("2017-07-03", "2017-07-03"))
                        .append("CHALLENGE_DAY", milestone("2017-09-20", "2017-09-20")))),
                store.collection(AuditsProjection.AUDITS));
    }

    @Test
    void theScorecardAsOfADateCountsReturnsAsTheyStoodThen() {
        // expected, received, on time, late, nil, sent back, accepted, outstanding, overdue
        assertThat(scorecards.compute(store, TODAY, of(2017, 7, 2), P, null, null).figures().returns())
                .isEqualTo(new Returns(0, 0, 0, 0, 0, 0, 0, 0, 0));
        assertThat(scorecards.compute(store, TODAY, of(2017, 7, 21), P, null, null).figures().returns())
                .isEqualTo(new Returns(3, 1, 1, 0, 0, 0, 1, 2, 0));
        assertThat(scorecards.compute(store, TODAY, of(2017, 7, 24), P, null, null).figures().returns())
                .isEqualTo(new Returns(3, 1, 1, 0, 0, 0, 1, 2, 2));
        assertThat(scorecards.compute(store, TODAY, of(2017, 7, 25), P, null, null).figures().returns())
                .isEqualTo(new Returns(3, 2, 1, 1, 0, 0, 2, 1, 1));
    }

    @Test
    void theScorecardAsOfADateCountsFindingsActionsAndMilestonesAsTheyStoodThen() {
        BoardScorecardUpdated.Figures july = scorecards.compute(store, TODAY, of(2017, 7, 18), P, null, null).figures();
        assertThat(july.findingsByAspect()).isEmpty();
        assertThat(july.actions()).isEqualTo(new Actions(0, 0, 0, 0, 0, 0, 0, 0));
        assertThat(july.milestones()).isEqualTo(new Milestones(2, 1, 0, 1, 0));

        BoardScorecardUpdated.Figures january = scorecards.compute(store, TODAY, of(2018, 1, 2), P, null, null).figures();
        assertThat(january.findingsByAspect()).isEqualTo(Map.of("voice", new FindingCounts(0, 1)));
        // total, open, on track, at risk, off track, no update, overdue, closed
        assertThat(january.actions()).isEqualTo(new Actions(1, 1, 0, 1, 0, 0, 1, 0));
        assertThat(january.milestones()).isEqualTo(new Milestones(2, 2, 0, 0, 0));

        assertThat(scorecards.compute(store, TODAY, of(2018, 3, 1), P, null, null).figures().actions())
                .isEqualTo(new Actions(1, 0, 0, 0, 0, 0, 0, 1));
    }

    @Test
    void complianceAsOfADateCountsEachAgencyAsItStoodThen() {
        Map<String, Returns> byAgency = scorecards.returnsByAgency(store, TODAY, of(2017, 7, 24), P);

        assertThat(byAgency).containsOnlyKeys("bhrut", "met-police", "nelft");
        assertThat(byAgency.get("nelft")).isEqualTo(new Returns(1, 0, 0, 0, 0, 0, 0, 1, 1));
        assertThat(byAgency.get("met-police")).isEqualTo(new Returns(1, 1, 1, 0, 0, 0, 1, 0, 0));
        assertThat(scorecards.actionsByAgency(store, TODAY, of(2017, 11, 1), P).get("nelft"))
                .isEqualTo(new Actions(1, 1, 0, 1, 0, 0, 0, 0));
    }

    @Test
    void theBoardFeedAsOfADateIsSeenOnThatDateWithEachAuditAtItsStageThen() {
        BoardFeed feed = new BoardFeed(scorecards, Clock.fixed(Instant.parse("2026-12-03T12:00:00Z"), ZoneId.of("Europe/London")));

        BoardScorecardUpdated then = feed.scorecard(store, TODAY, of(2017, 7, 18), P);

        assertThat(then.seenOn()).isEqualTo(of(2017, 7, 18));
        assertThat(then.audits()).singleElement().satisfies(audit -> assertThat(audit.stage()).isEqualTo("COMMISSIONED"));
        assertThat(then.programme().returns().received()).isEqualTo(0);
        assertThat(feed.scorecard(store, TODAY, P).audits().get(0).stage()).isEqualTo("CLOSED");
    }

    private static Document returned(String id, String agency, String submittedOn, int workingDaysLate) {
        return request(id, agency).append("received", true).append("awaitingAgency", false).append("status", "ACCEPTED")
                .append("firstSubmittedOn", submittedOn).append("firstWorkingDaysLate", workingDaysLate);
    }

    private static Document awaited(String id, String agency) {
        return request(id, agency).append("received", false).append("awaitingAgency", true).append("status", "AWAITING");
    }

    private static Document request(String id, String agency) {
        return new Document("_id", id).append("programmeId", P).append("auditId", "a1").append("agency", agency)
                .append("requestedOn", "2017-07-03").append("originalDueDate", "2017-07-21").append("dueDate", "2017-07-21")
                .append("nil", false).append("sentBackCount", 0);
    }

    private static Document milestone(String planned, String actual) {
        return new Document("planned", new Document("date", planned).append("precision", "DAY")).append("actual", actual);
    }
}
