package io.maap.reporting.scorecard.query;

import io.maap.events.board.BoardScorecardUpdated.Actions;
import io.maap.events.board.BoardScorecardUpdated.FindingCounts;
import io.maap.events.board.BoardScorecardUpdated.Milestones;
import io.maap.events.board.BoardScorecardUpdated.Returns;
import io.maap.reporting.projection.query.Documents;
import io.maap.support.calendar.Lateness;
import org.bson.Document;

import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a scorecard counts ({@link Counting.Conditions}, the same whether MongoDB or Java counts)
 * and how the counts become its figures; milestones from a scope's audits. A return or an action
 * is overdue by the one definition of {@link Lateness}.
 */
public final class ScorecardFigures {

    private final Lateness lateness;

    ScorecardFigures(Lateness lateness) {
        this.lateness = lateness;
    }

    /**
     * What is counted of return requests: received, and on time (no working day late) or late;
     * nil; sent back at least once; accepted; awaiting the agency, and overdue from the first
     * working day after its due date (due before the last working day on or before today).
     */
    Counting.Conditions returnFigures(LocalDate today) {
        return RETURN_FIGURES.on(overdueIfDueBefore(today));
    }

    /** What is counted of return requests ({@link #returnFigures}), whatever the day: overdue is dated by the due date. */
    static final Counting.Tallying RETURN_FIGURES = new Counting.Tallying()
            .count("received", Counting.isTrue("received"))
            .count("onTime", Counting.and(Counting.isTrue("received"), Counting.zeroOrNone("firstWorkingDaysLate")))
            .count("late", Counting.and(Counting.isTrue("received"), Counting.positive("firstWorkingDaysLate")))
            .count("nil", Counting.isTrue("nil"))
            .count("sentBack", Counting.positive("sentBackCount"))
            .count("accepted", Counting.equal("status", "ACCEPTED"))
            .count("outstanding", Counting.isTrue("awaitingAgency"))
            .countBefore("overdue", Counting.isTrue("awaitingAgency"), "dueDate");

    /** The day a return or an action is overdue if due before, seen on {@code today} ({@link Lateness}). */
    LocalDate overdueIfDueBefore(LocalDate today) {
        return lateness.overdueIfDueBefore(today);
    }

    static Returns returns(Document counts) {
        return new Returns(Counting.number(counts, "total"), Counting.number(counts, "received"),
                Counting.number(counts, "onTime"), Counting.number(counts, "late"), Counting.number(counts, "nil"),
                Counting.number(counts, "sentBack"), Counting.number(counts, "accepted"),
                Counting.number(counts, "outstanding"), Counting.number(counts, "overdue"));
    }

    /** What is counted of findings, per aspect: good practice, and every other kind as an area for improvement. */
    static Counting.Conditions findingFigures() {
        return FINDING_FIGURES.on(LocalDate.EPOCH);
    }

    /** What is counted of findings ({@link #findingFigures}): nothing in it depends on the day. */
    static final Counting.Tallying FINDING_FIGURES = new Counting.Tallying()
            .count("goodPractice", Counting.equal("kind", "GOOD_PRACTICE"))
            .count("areaForImprovement", Counting.notEqual("kind", "GOOD_PRACTICE"));

    static Map<String, FindingCounts> findings(Map<String, Document> countsByAspect) {
        Map<String, FindingCounts> byAspect = new TreeMap<>();
        countsByAspect.forEach((aspect, counts) -> byAspect.put(aspect, new FindingCounts(
                Counting.number(counts, "goodPractice"), Counting.number(counts, "areaForImprovement"))));
        return byAspect;
    }

    /**
     * What is counted of actions: open, and of those each RAG rating or none yet, and overdue by the
     * one definition of {@link Lateness} (from the first working day after the due date); closed (not open).
     */
    Counting.Conditions actionFigures(LocalDate today) {
        return ACTION_FIGURES.on(overdueIfDueBefore(today));
    }

    /** What is counted of actions ({@link #actionFigures}), whatever the day: overdue is dated by the due date. */
    static final Counting.Tallying ACTION_FIGURES = actionTallying();

    private static Counting.Tallying actionTallying() {
        Counting.Tallying tallying = new Counting.Tallying().count("open", Counting.isTrue("open"));
        for (String rag : List.of("GREEN", "AMBER", "RED")) {
            tallying.count(rag, Counting.and(Counting.isTrue("open"), Counting.equal("rag", rag)));
        }
        return tallying
                .count("noUpdate", Counting.and(Counting.isTrue("open"), Counting.isNull("rag")))
                .countBefore("overdue", Counting.isTrue("open"), "dueDate")
                .count("closed", Counting.isNotTrue("open"));
    }

    static Actions actions(Document counts) {
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
