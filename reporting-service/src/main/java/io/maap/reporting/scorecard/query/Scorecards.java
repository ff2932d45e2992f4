package io.maap.reporting.scorecard.query;

import io.maap.reporting.scorecard.query.Counting;

import io.maap.reporting.audits.query.AuditsProjection;
import io.maap.reporting.learning.query.LearningProjection;
import io.maap.reporting.projection.query.Documents;
import io.maap.reporting.projection.query.ProjectionStore;
import io.maap.reporting.returns.query.ReturnsProjection;
import io.maap.events.board.BoardScorecardUpdated.Actions;
import io.maap.events.board.BoardScorecardUpdated.Figures;
import io.maap.events.board.BoardScorecardUpdated.FindingCounts;
import io.maap.events.board.BoardScorecardUpdated.Milestones;
import io.maap.events.board.BoardScorecardUpdated.Returns;
import io.maap.support.calendar.Lateness;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The QA scorecard, computed from the projection documents of one generation for a programme,
 * an audit or an agency, as seen on a given day. Returns, findings and actions are counted by
 * MongoDB (see {@link Counting}), so only their counts are read, however many there are;
 * milestones are read from the scope's few audits. A return is overdue by the one definition of
 * {@link Lateness}: from the first working day after its due date.
 */
@Component
public class Scorecards {

    private final Lateness lateness;

    public Scorecards(Lateness lateness) {
        this.lateness = lateness;
    }

    /** The scorecard of a scope: a programme, an audit, an agency, or a combination. */
    public record Scorecard(String programmeId, String auditId, String agency, LocalDate seenOn, Figures figures) {
    }

    /**
     * The scorecard of a scope (each filter may be null) as seen on a day: three counting
     * aggregations (returns, findings per aspect, actions) and a read of the scope's audits.
     */
    public Scorecard compute(ProjectionStore store, LocalDate today, String programmeId, String auditId, String agency) {
        Document returns = Counting.countAll(store, ReturnsProjection.RETURNS,
                Documents.where("programmeId", programmeId, "auditId", auditId, "agency", agency), returnFigures(today));
        Map<String, Document> findings = Counting.countBy(store, LearningProjection.FINDINGS,
                Documents.where("programmeId", programmeId, "auditId", auditId, "agencies", agency), "aspect", findingFigures());
        Document actions = Counting.countAll(store, LearningProjection.ACTIONS,
                Documents.where("programmeId", programmeId, "auditId", auditId, "owningAgency", agency), actionFigures(today));
        List<Document> audits = Documents.find(store, AuditsProjection.AUDITS,
                Documents.where("programmeId", programmeId, "_id", auditId));
        return new Scorecard(programmeId, auditId, agency, today, new Figures(returns(returns), findings(findings),
                actions(actions), milestones(audits, today)));
    }

    /** The returns figures of a programme's agencies, counted per agency by MongoDB. */
    public Map<String, Returns> returnsByAgency(ProjectionStore store, LocalDate today, String programmeId) {
        Map<String, Returns> byAgency = new TreeMap<>();
        Counting.countBy(store, ReturnsProjection.RETURNS, Documents.where("programmeId", programmeId), "agency",
                returnFigures(today)).forEach((agency, counts) -> byAgency.put(agency, returns(counts)));
        return byAgency;
    }

    /** The actions figures of a programme's owning agencies, counted per agency by MongoDB. */
    public static Map<String, Actions> actionsByAgency(ProjectionStore store, LocalDate today, String programmeId) {
        Map<String, Actions> byAgency = new TreeMap<>();
        Counting.countBy(store, LearningProjection.ACTIONS, Documents.where("programmeId", programmeId), "owningAgency",
                actionFigures(today)).forEach((agency, counts) -> byAgency.put(agency, actions(counts)));
        return byAgency;
    }

    /**
     * What is counted of return requests: received, and on time (no working day late) or late;
     * nil; sent back at least once; accepted; awaiting the agency, and overdue from the first
     * working day after its due date (due before the last working day on or before today).
     */
    private Counting.Conditions returnFigures(LocalDate today) {
        return new Counting.Conditions()
                .count("received", Counting.isTrue("received"))
                .count("onTime", Counting.and(Counting.isTrue("received"), Counting.zeroOrNone("firstWorkingDaysLate")))
                .count("late", Counting.and(Counting.isTrue("received"), Counting.positive("firstWorkingDaysLate")))
                .count("nil", Counting.isTrue("nil"))
                .count("sentBack", Counting.positive("sentBackCount"))
                .count("accepted", Counting.equal("status", "ACCEPTED"))
                .count("outstanding", Counting.isTrue("awaitingAgency"))
                .count("overdue", Counting.and(Counting.isTrue("awaitingAgency"), Counting.before("dueDate",
                        lateness.overdueIfDueBefore(today))));
    }

    private static Returns returns(Document counts) {
        return new Returns(Counting.number(counts, "total"), Counting.number(counts, "received"),
                Counting.number(counts, "onTime"), Counting.number(counts, "late"), Counting.number(counts, "nil"),
                Counting.number(counts, "sentBack"), Counting.number(counts, "accepted"),
                Counting.number(counts, "outstanding"), Counting.number(counts, "overdue"));
    }

    /** What is counted of findings, per aspect: good practice, and every other kind as an area for improvement. */
    private static Counting.Conditions findingFigures() {
        return new Counting.Conditions()
                .count("goodPractice", Counting.equal("kind", "GOOD_PRACTICE"))
                .count("areaForImprovement", Counting.notEqual("kind", "GOOD_PRACTICE"));
    }

    private static Map<String, FindingCounts> findings(Map<String, Document> countsByAspect) {
        Map<String, FindingCounts> byAspect = new TreeMap<>();
        countsByAspect.forEach((aspect, counts) -> byAspect.put(aspect, new FindingCounts(
                Counting.number(counts, "goodPractice"), Counting.number(counts, "areaForImprovement"))));
        return byAspect;
    }

    /**
     * What is counted of actions: open, and of those each RAG rating or none yet, and overdue
     * when the due date is before today; closed (not open).
     */
    private static Counting.Conditions actionFigures(LocalDate today) {
        Counting.Conditions conditions = new Counting.Conditions().count("open", Counting.isTrue("open"));
        for (String rag : List.of("GREEN", "AMBER", "RED")) {
            conditions.count(rag, Counting.and(Counting.isTrue("open"), Counting.equal("rag", rag)));
        }
        return conditions
                .count("noUpdate", Counting.and(Counting.isTrue("open"), Counting.isNull("rag")))
                .count("overdue", Counting.and(Counting.isTrue("open"), Counting.before("dueDate", today)))
                .count("closed", Counting.isNotTrue("open"));
    }

    private static Actions actions(Document counts) {
        return new Actions(Counting.number(counts, "total"), Counting.number(counts, "open"),
                Counting.number(counts, "GREEN"), Counting.number(counts, "AMBER"), Counting.number(counts, "RED"),
                Counting.number(counts, "noUpdate"), Counting.number(counts, "overdue"), Counting.number(counts, "closed"));
    }

    static Milestones milestones(List<Document> audits, LocalDate today) {
        int planned = 0;
        int met = 0;
        int metLate = 0;
        int onTrack = 0;
        int overdue = 0;
        for (Document audit : audits) {
            Document milestones = audit.get("milestones", Document.class);
            if (milestones == null) {
                continue;
            }
            for (String name : milestones.keySet()) {
                Document milestone = milestones.get(name, Document.class);
                Document plannedDate = milestone.get("planned", Document.class);
                if (plannedDate == null) {
                    continue;
                }
                planned++;
                LocalDate latest = latestDay(plannedDate);
                LocalDate actual = Documents.date(milestone, "actual");
                if (actual != null) {
                    if (actual.isAfter(latest)) {
                        metLate++;
                    } else {
                        met++;
                    }
                } else if (today.isAfter(latest)) {
                    overdue++;
                } else {
                    onTrack++;
                }
            }
        }
        return new Milestones(planned, met, metLate, onTrack, overdue);
    }

    /** The last day a planned date allows: the day itself, the Friday of its week, or the end of its month. */
    public static LocalDate latestDay(Document plannedDate) {
        LocalDate date = Documents.date(plannedDate, "date");
        return switch (plannedDate.getString("precision")) {
            case "WEEK_COMMENCING" -> date.plusDays(4);
            case "MONTH" -> date.with(TemporalAdjusters.lastDayOfMonth());
            default -> date;
        };
    }
}
