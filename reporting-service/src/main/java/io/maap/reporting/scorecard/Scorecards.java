package io.maap.reporting.scorecard;

import io.maap.reporting.audits.AuditsProjection;
import io.maap.reporting.learning.LearningProjection;
import io.maap.reporting.projection.Documents;
import io.maap.reporting.projection.ProjectionStore;
import io.maap.reporting.returns.ReturnsProjection;
import io.maap.events.board.BoardScorecardUpdated.Actions;
import io.maap.events.board.BoardScorecardUpdated.Figures;
import io.maap.events.board.BoardScorecardUpdated.FindingCounts;
import io.maap.events.board.BoardScorecardUpdated.Milestones;
import io.maap.events.board.BoardScorecardUpdated.Returns;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The QA scorecard, computed from the projection documents of one generation for a programme,
 * an audit or an agency, as seen on a given day.
 */
@Component
public class Scorecards {

    /** The scorecard of a scope: a programme, an audit, an agency, or a combination. */
    public record Scorecard(String programmeId, String auditId, String agency, LocalDate seenOn, Figures figures) {
    }

    public Scorecard compute(ProjectionStore store, LocalDate today, String programmeId, String auditId, String agency) {
        List<Document> returns = Documents.find(store, ReturnsProjection.RETURNS,
                Documents.where("programmeId", programmeId, "auditId", auditId, "agency", agency));
        List<Document> findings = Documents.find(store, LearningProjection.FINDINGS,
                Documents.where("programmeId", programmeId, "auditId", auditId, "agencies", agency));
        List<Document> actions = Documents.find(store, LearningProjection.ACTIONS,
                Documents.where("programmeId", programmeId, "auditId", auditId, "owningAgency", agency));
        List<Document> audits = Documents.find(store, AuditsProjection.AUDITS,
                Documents.where("programmeId", programmeId, "_id", auditId));
        return new Scorecard(programmeId, auditId, agency, today, new Figures(returns(returns, today), findings(findings),
                actions(actions, today), milestones(audits, today)));
    }

    static Returns returns(List<Document> returns, LocalDate today) {
        Predicate<Document> received = r -> Documents.flag(r, "received");
        Predicate<Document> awaiting = r -> Documents.flag(r, "awaitingAgency");
        return new Returns(
                returns.size(),
                count(returns, received),
                count(returns, received.and(r -> Documents.number(r, "firstWorkingDaysLate") == 0)),
                count(returns, received.and(r -> Documents.number(r, "firstWorkingDaysLate") > 0)),
                count(returns, r -> Documents.flag(r, "nil")),
                count(returns, r -> Documents.number(r, "sentBackCount") > 0),
                count(returns, r -> "ACCEPTED".equals(r.getString("status"))),
                count(returns, awaiting),
                count(returns, awaiting.and(r -> today.isAfter(Documents.date(r, "dueDate")))));
    }

    static Map<String, FindingCounts> findings(List<Document> findings) {
        Map<String, FindingCounts> byAspect = new TreeMap<>();
        for (Document finding : findings) {
            boolean good = "GOOD_PRACTICE".equals(finding.getString("kind"));
            byAspect.merge(finding.getString("aspect"), new FindingCounts(good ? 1 : 0, good ? 0 : 1),
                    (a, b) -> new FindingCounts(a.goodPractice() + b.goodPractice(), a.areaForImprovement() + b.areaForImprovement()));
        }
        return byAspect;
    }

    static Actions actions(List<Document> actions, LocalDate today) {
        Predicate<Document> open = a -> Documents.flag(a, "open");
        return new Actions(
                actions.size(),
                count(actions, open),
                count(actions, open.and(a -> "GREEN".equals(a.getString("rag")))),
                count(actions, open.and(a -> "AMBER".equals(a.getString("rag")))),
                count(actions, open.and(a -> "RED".equals(a.getString("rag")))),
                count(actions, open.and(a -> a.getString("rag") == null)),
                count(actions, open.and(a -> today.isAfter(Documents.date(a, "dueDate")))),
                count(actions, open.negate()));
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

    private static int count(List<Document> documents, Predicate<Document> predicate) {
        return (int) documents.stream().filter(predicate).count();
    }
}
