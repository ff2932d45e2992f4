package io.maap.reporting.scorecard.query;

import io.maap.reporting.audits.query.AuditsProjection;
import io.maap.reporting.learning.query.LearningProjection;
import io.maap.reporting.projection.query.AsOf;
import io.maap.reporting.projection.query.Documents;
import io.maap.reporting.projection.query.ProgrammeFigures;
import io.maap.reporting.projection.query.ProgrammeViewCache;
import io.maap.reporting.projection.query.ProgrammeViewWarmer;
import io.maap.reporting.projection.query.ProjectionStore;
import io.maap.reporting.returns.query.ReturnsProjection;
import io.maap.events.board.BoardScorecardUpdated.Actions;
import io.maap.events.board.BoardScorecardUpdated.Figures;
import io.maap.events.board.BoardScorecardUpdated.Returns;
import io.maap.support.calendar.Lateness;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import static io.maap.reporting.scorecard.query.ScorecardFigures.actions;
import static io.maap.reporting.scorecard.query.ScorecardFigures.findingFigures;
import static io.maap.reporting.scorecard.query.ScorecardFigures.findings;
import static io.maap.reporting.scorecard.query.ScorecardFigures.milestones;
import static io.maap.reporting.scorecard.query.ScorecardFigures.returns;

/**
 * The QA scorecard, computed from the projection documents of one generation for a programme,
 * an audit or an agency, as seen on a given day (what is counted: {@link ScorecardFigures}). Returns, findings and actions are counted by
 * MongoDB (see {@link Counting}), so only their counts are read, however many there are;
 * milestones are read from the scope's few audits. A return is overdue by the one definition of
 * {@link Lateness}: from the first working day after its due date.
 */
@Component
@Order(1)
public class Scorecards implements ProgrammeViewWarmer.Warmable {

    private final ScorecardFigures counted;
    private final ProgrammeViewCache views;
    private final ProgrammeTallies tallies;

    /** Without a cache of programme views or tallies (tests of the counting). */
    public Scorecards(Lateness lateness) {
        this(lateness, ProgrammeViewCache.none());
    }

    /** Without a cache of programme tallies. */
    public Scorecards(Lateness lateness, ProgrammeViewCache views) {
        this(lateness, views, ProgrammeTallies.none());
    }

    @Autowired
    public Scorecards(Lateness lateness, ProgrammeViewCache views, ProgrammeTallies tallies) {
        this.counted = new ScorecardFigures(lateness);
        this.views = views;
        this.tallies = tallies;
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
        if (asOf == null && programmeId == null && auditId == null && ProgrammeFigures.kept(store)) {
            return everyProgramme(store, today, agency);
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
            returns = Counting.countAll(store, ReturnsProjection.RETURNS, returnScope, counted.returnFigures(day));
            findings = Counting.countBy(store, LearningProjection.FINDINGS, findingScope, "aspect", findingFigures());
            actions = Counting.countAll(store, LearningProjection.ACTIONS, actionScope, counted.actionFigures(day));
        } else {
            returns = Counting.countAll(returnsThen(store, returnScope, asOf), counted.returnFigures(day));
            findings = Counting.countBy(findingsThen(store, findingScope, asOf), "aspect", findingFigures());
            actions = Counting.countAll(actionsThen(store, actionScope, asOf), counted.actionFigures(day));
            audits = audits.stream().map(audit -> AsOf.audit(audit, asOf)).toList();
        }
        return new Scorecard(programmeId, auditId, agency, day,
                new Figures(returns(returns), findings(findings), actions(actions), milestones(audits, day)));
    }

    /**
     * Every programme's scorecard (of one agency's work, when given) as the sum of each programme's
     * counts from its figures document, read in one query: the same conditions as MongoDB's count
     * of every return request, finding and action, which on mongo-java-server took 1.0-1.6 s of an
     * "as at" view's first request at a million events (BENCHMARKS.md). Every event names its
     * programme, so every document is in a programme's figures. Without an agency, from each
     * programme's tally ({@link ProgrammeTallies}), read again only where its document changed;
     * an agency's, from every document ({@link ProgrammeCounts}).
     */
    private Scorecard everyProgramme(ProjectionStore store, LocalDate today, String agency) {
        Document returns = new Document();
        Map<String, Document> findings = new TreeMap<>();
        Document actions = new Document();
        if (agency == null) {
            LocalDate overdueIfDueBefore = counted.overdueIfDueBefore(today);
            tallies.forEach(store, (programmeId, tally) -> {
                Counting.addTo(returns, tally.returns().counts(overdueIfDueBefore));
                tally.findings().forEach((aspect, counts) -> Counting.addTo(findings.computeIfAbsent(aspect, a -> new Document()),
                        counts.counts(overdueIfDueBefore)));
                Counting.addTo(actions, tally.actions().counts(overdueIfDueBefore));
            });
        } else {
            Counting.Conditions returnFigures = counted.returnFigures(today);
            Counting.Conditions findingFigures = findingFigures();
            Counting.Conditions actionFigures = counted.actionFigures(today);
            ProgrammeFigures.readAll(store, (programmeId, figures) -> {
                ProgrammeCounts programme = ProgrammeCounts.withoutAudits(figures);
                Counting.addTo(returns, programme.returns(null, agency, returnFigures));
                programme.findings(null, agency, findingFigures)
                        .forEach((aspect, counts) -> Counting.addTo(findings.computeIfAbsent(aspect, a -> new Document()), counts));
                Counting.addTo(actions, programme.actions(null, agency, actionFigures));
            });
        }
        List<Document> audits = Documents.find(store, AuditsProjection.AUDITS, Documents.where("programmeId", null, "_id", null));
        return new Scorecard(null, null, agency, today,
                new Figures(returns(returns), findings(findings), actions(actions), milestones(audits, today)));
    }

    /** A scope within a programme, counted from the programme's figures read once ({@link ProgrammeCounts}). */
    Scorecard compute(ProgrammeCounts programme, LocalDate today, String programmeId, String auditId, String agency) {
        return new Scorecard(programmeId, auditId, agency, today, new Figures(
                returns(programme.returns(auditId, agency, counted.returnFigures(today))),
                findings(programme.findings(auditId, agency, findingFigures())),
                actions(programme.actions(auditId, agency, counted.actionFigures(today))),
                milestones(programme.audits(auditId), today)));
    }

    /** The programme's own scorecard, today: the one most asked for ({@link ProgrammeViewWarmer}). */
    @Override
    public void warm(ProjectionStore store, String programmeId, LocalDate today, Object version, ProgrammeFigures.Read figures) {
        views.keep(store, programmeId, version, new ScorecardOn(today, null, null),
                compute(ProgrammeCounts.of(store, programmeId, figures), today, programmeId, null, null), 1);
    }

    /** The returns figures of a programme's agencies, counted per agency by MongoDB. */
    public Map<String, Returns> returnsByAgency(ProjectionStore store, LocalDate today, String programmeId) {
        return returnsByAgency(store, today, null, programmeId);
    }

    /** The returns figures of a programme's agencies, counted per agency (as of a date when one is given). */
    public Map<String, Returns> returnsByAgency(ProjectionStore store, LocalDate today, LocalDate asOf, String programmeId) {
        Map<String, Returns> byAgency = new TreeMap<>();
        Criteria scope = Documents.where("programmeId", programmeId);
        (asOf == null ? Counting.countBy(store, ReturnsProjection.RETURNS, scope, "agency", counted.returnFigures(today))
                : Counting.countBy(returnsThen(store, scope, asOf), "agency", counted.returnFigures(asOf)))
                .forEach((agency, counts) -> byAgency.put(agency, returns(counts)));
        return byAgency;
    }

    /** The actions figures of a programme's owning agencies, counted per agency (as of a date when one is given). */
    public Map<String, Actions> actionsByAgency(ProjectionStore store, LocalDate today, LocalDate asOf, String programmeId) {
        Map<String, Actions> byAgency = new TreeMap<>();
        Criteria scope = Documents.where("programmeId", programmeId);
        (asOf == null ? Counting.countBy(store, LearningProjection.ACTIONS, scope, "owningAgency", counted.actionFigures(today))
                : Counting.countBy(actionsThen(store, scope, asOf), "owningAgency", counted.actionFigures(asOf)))
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
}
