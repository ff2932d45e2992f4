package io.maap.reporting.scorecard.query;

import io.maap.reporting.audits.query.AuditsProjection;
import io.maap.reporting.learning.query.LearningProjection;
import io.maap.reporting.projection.query.AsOf;
import io.maap.reporting.projection.query.Documents;
import io.maap.reporting.projection.query.ProgrammeViewCache;
import io.maap.reporting.projection.query.ProjectionStore;
import io.maap.reporting.returns.query.ReturnsProjection;
import io.maap.events.board.BoardScorecardUpdated.Actions;
import io.maap.events.board.BoardScorecardUpdated.Figures;
import io.maap.events.board.BoardScorecardUpdated.FindingCounts;
import io.maap.events.board.BoardScorecardUpdated.Milestones;
import io.maap.events.board.BoardScorecardUpdated.Returns;
import io.maap.support.calendar.Lateness;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
    private final ProgrammeViewCache views;

    /** Without a cache of programme views (tests of the counting). */
    public Scorecards(Lateness lateness) {
        this(lateness, ProgrammeViewCache.none());
    }

    @Autowired
    public Scorecards(Lateness lateness, ProgrammeViewCache views) {
        this.lateness = lateness;
        this.views = views;
    }

    /** A scope's scorecard counted from its programme's figures on a day ({@link ProgrammeViewCache}'s parameters). */
    private record ScorecardOn(LocalDate today, String auditId, String agency) {
    }

    /** The scorecard of a scope: a programme, an audit, an agency, or a combination. */
    public record Scorecard(String programmeId, String auditId, String agency, LocalDate seenOn, Figures figures) {
    }

    /**
     * The scorecard of a scope (each filter may be null) as seen on a day: three counting
     * aggregations (returns, findings per aspect, actions) and a read of the scope's audits.
     */
    public Scorecard compute(ProjectionStore store, LocalDate today, String programmeId, String auditId, String agency) {
        return compute(store, today, null, programmeId, auditId, agency);
    }

    /**
     * As {@link #compute(ProjectionStore, LocalDate, String, String, String)}, or, when {@code asOf}
     * is given, the position on that date ({@link AsOf}): the scope's returns requested by then as
     * they stood then, findings recorded by then, actions added by then, milestones reached by then,
     * counted by the same conditions on the documents as they stood.
     */
    public Scorecard compute(ProjectionStore store, LocalDate today, LocalDate asOf, String programmeId, String auditId,
                             String agency) {
        if (asOf == null && ProgrammeCounts.available(store, programmeId)) {
            return views.view(store, programmeId, new ScorecardOn(today, auditId, agency), scorecard -> 1,
                    () -> compute(ProgrammeCounts.read(store, programmeId), today, programmeId, auditId, agency));
        }
        LocalDate day = asOf == null ? today : asOf;
        Criteria returnScope = Documents.where("programmeId", programmeId, "auditId", auditId, "agency", agency);
        Criteria findingScope = Documents.where("programmeId", programmeId, "auditId", auditId, "agencies", agency);
        Criteria actionScope = Documents.where("programmeId", programmeId, "auditId", auditId, "owningAgency", agency);
        List<Document> audits = Documents.find(store, AuditsProjection.AUDITS,
                Documents.where("programmeId", programmeId, "_id", auditId));
        Document returns;
        Map<String, Document> findings;
        Document actions;
        if (asOf == null) {
            returns = Counting.countAll(store, ReturnsProjection.RETURNS, returnScope, returnFigures(day));
            findings = Counting.countBy(store, LearningProjection.FINDINGS, findingScope, "aspect", findingFigures());
            actions = Counting.countAll(store, LearningProjection.ACTIONS, actionScope, actionFigures(day));
        } else {
            returns = Counting.countAll(returnsThen(store, returnScope, asOf), returnFigures(day));
            findings = Counting.countBy(findingsThen(store, findingScope, asOf), "aspect", findingFigures());
            actions = Counting.countAll(actionsThen(store, actionScope, asOf), actionFigures(day));
            audits = audits.stream().map(audit -> AsOf.audit(audit, asOf)).toList();
        }
        return new Scorecard(programmeId, auditId, agency, day, new Figures(returns(returns), findings(findings),
                actions(actions), milestones(audits, day)));
    }

    /** A scope within a programme, counted from the programme's figures read once ({@link ProgrammeCounts}). */
    Scorecard compute(ProgrammeCounts programme, LocalDate today, String programmeId, String auditId, String agency) {
        return new Scorecard(programmeId, auditId, agency, today, new Figures(
                returns(programme.returns(auditId, agency, returnFigures(today))),
                findings(programme.findings(auditId, agency, findingFigures())),
                actions(programme.actions(auditId, agency, actionFigures(today))),
                milestones(programme.audits(auditId), today)));
    }

    /** The returns figures of a programme's agencies, counted per agency by MongoDB. */
    public Map<String, Returns> returnsByAgency(ProjectionStore store, LocalDate today, String programmeId) {
        return returnsByAgency(store, today, null, programmeId);
    }

    /** The returns figures of a programme's agencies, counted per agency (as of a date when one is given). */
    public Map<String, Returns> returnsByAgency(ProjectionStore store, LocalDate today, LocalDate asOf, String programmeId) {
        Map<String, Returns> byAgency = new TreeMap<>();
        Criteria scope = Documents.where("programmeId", programmeId);
        (asOf == null ? Counting.countBy(store, ReturnsProjection.RETURNS, scope, "agency", returnFigures(today))
                : Counting.countBy(returnsThen(store, scope, asOf), "agency", returnFigures(asOf)))
                .forEach((agency, counts) -> byAgency.put(agency, returns(counts)));
        return byAgency;
    }

    /** The actions figures of a programme's owning agencies, counted per agency (as of a date when one is given). */
    public Map<String, Actions> actionsByAgency(ProjectionStore store, LocalDate today, LocalDate asOf, String programmeId) {
        Map<String, Actions> byAgency = new TreeMap<>();
        Criteria scope = Documents.where("programmeId", programmeId);
        (asOf == null ? Counting.countBy(store, LearningProjection.ACTIONS, scope, "owningAgency", actionFigures(today))
                : Counting.countBy(actionsThen(store, scope, asOf), "owningAgency", actionFigures(asOf)))
                .forEach((agency, counts) -> byAgency.put(agency, actions(counts)));
        return byAgency;
    }

    private static List<Document> returnsThen(ProjectionStore store, Criteria scope, LocalDate asOf) {
        return Documents.find(store, ReturnsProjection.RETURNS, scope).stream()
                .map(r -> AsOf.returnRequest(r, asOf)).filter(Objects::nonNull).toList();
    }

    private static List<Document> findingsThen(ProjectionStore store, Criteria scope, LocalDate asOf) {
        return Documents.find(store, LearningProjection.FINDINGS, scope).stream()
                .filter(f -> AsOf.happenedBy(f, "recordedOn", asOf)).toList();
    }

    private static List<Document> actionsThen(ProjectionStore store, Criteria scope, LocalDate asOf) {
        return Documents.find(store, LearningProjection.ACTIONS, scope).stream()
                .map(a -> AsOf.action(a, asOf)).filter(Objects::nonNull).toList();
    }

    /**
     * What is counted of return requests: received, and on time (no working day late) or late;
     * nil; sent back at least once; accepted; awaiting the agency, and overdue from the first
     * working day after its due date (due before the last working day on or before today).
     */
    Counting.Conditions returnFigures(LocalDate today) {
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
    static Counting.Conditions findingFigures() {
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
     * What is counted of actions: open, and of those each RAG rating or none yet, and overdue by the
     * one definition of {@link Lateness} (from the first working day after the due date); closed (not open).
     */
    Counting.Conditions actionFigures(LocalDate today) {
        Counting.Conditions conditions = new Counting.Conditions().count("open", Counting.isTrue("open"));
        for (String rag : List.of("GREEN", "AMBER", "RED")) {
            conditions.count(rag, Counting.and(Counting.isTrue("open"), Counting.equal("rag", rag)));
        }
        return conditions
                .count("noUpdate", Counting.and(Counting.isTrue("open"), Counting.isNull("rag")))
                .count("overdue", Counting.and(Counting.isTrue("open"), Counting.before("dueDate",
                        lateness.overdueIfDueBefore(today))))
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
