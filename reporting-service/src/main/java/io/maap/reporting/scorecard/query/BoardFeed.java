package io.maap.reporting.scorecard.query;

import io.maap.events.board.BoardScorecardUpdated;
import io.maap.events.board.BoardScorecardUpdated.AgencyFigures;
import io.maap.events.board.BoardScorecardUpdated.AuditFigures;
import io.maap.reporting.audits.query.AuditsProjection;
import io.maap.reporting.projection.query.AsOf;
import io.maap.reporting.projection.query.Documents;
import io.maap.reporting.projection.query.ProgrammeFigures;
import io.maap.reporting.projection.query.ProgrammeViewCache;
import io.maap.reporting.projection.query.ProgrammeViewWarmer;
import io.maap.reporting.projection.query.ProjectionStore;
import io.maap.reporting.returns.query.ReturnsProjection;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/** The Board's scorecard of a programme: the whole programme, each audit and each agency. */
@Component
@Order(2)
public class BoardFeed implements ProgrammeViewWarmer.Warmable {
    private final Scorecards scorecards;
    private final ProgrammeViewCache views;
    private final Clock clock;

    /** Without a cache of programme views (tests of the figures). */
    public BoardFeed(Scorecards scorecards, Clock clock) {
        this(scorecards, ProgrammeViewCache.none(), clock);
    }

    @Autowired
    public BoardFeed(Scorecards scorecards, ProgrammeViewCache views, Clock clock) {
        this.scorecards = scorecards;
        this.views = views;
        this.clock = clock;
    }

    /** The board feed of a programme counted from its figures on a day ({@link ProgrammeViewCache}'s parameters). */
    private record BoardFeedOn(LocalDate today) {
    }

    public BoardScorecardUpdated scorecard(ProjectionStore store, LocalDate today, String programmeId) {
        return scorecard(store, today, null, programmeId);
    }

    /**
     * The programme's scorecard as seen today, or, when {@code asOf} is given, the position on that
     * date ({@link Scorecards#compute(ProjectionStore, LocalDate, LocalDate, String, String, String)}),
     * each audit at the stage it had reached by then.
     */
    public BoardScorecardUpdated scorecard(ProjectionStore store, LocalDate today, LocalDate asOf, String programmeId) {
        return scorecard(store, today, asOf, programmeId, programme(store, programmeId));
    }

    /** As {@link #scorecard(ProjectionStore, LocalDate, LocalDate, String)}, for a programme the read models know ({@link #exists}). */
    public Optional<BoardScorecardUpdated> ofKnownProgramme(ProjectionStore store, LocalDate today, LocalDate asOf,
                                                            String programmeId) {
        Document programme = programme(store, programmeId);
        if (programme == null && !inAnAudit(store, programmeId)) {
            return Optional.empty();
        }
        return Optional.of(scorecard(store, today, asOf, programmeId, programme));
    }

    private static Document programme(ProjectionStore store, String programmeId) {
        return store.mongo().findById(programmeId, Document.class, store.collection(AuditsProjection.PROGRAMMES));
    }

    private BoardScorecardUpdated scorecard(ProjectionStore store, LocalDate today, LocalDate asOf, String programmeId,
                                            Document programme) {
        if (asOf == null && ProgrammeCounts.available(store, programmeId)) {
            BoardScorecardUpdated counted = views.view(store, programmeId, new BoardFeedOn(today),
                    BoardFeed::weight,
                    () -> scorecard(ProgrammeCounts.read(store, programmeId), today, programmeId));
            return new BoardScorecardUpdated(programmeId, programme == null ? null : programme.getString("title"), today,
                    clock.instant(), counted.programme(), counted.audits(), counted.agencies());
        }
        List<AuditFigures> audits = Documents.find(store, AuditsProjection.AUDITS, Documents.where("programmeId", programmeId))
                .stream()
                .sorted(java.util.Comparator.comparing(a -> a.getString("_id")))
                .map(a -> asOf == null ? a : AsOf.audit(a, asOf))
                .map(a -> new AuditFigures(a.getString("_id"), a.getString("title"), a.getString("theme"), a.getString("stage"),
                        scorecards.compute(store, today, asOf, programmeId, a.getString("_id"), null).figures()))
                .toList();
        List<AgencyFigures> agencyFigures = Documents.distinct(store, ReturnsProjection.RETURNS, "agency",
                        Documents.where("programmeId", programmeId)).stream()
                .map(agency -> new AgencyFigures(agency, scorecards.compute(store, today, asOf, programmeId, null, agency).figures()))
                .toList();
        return new BoardScorecardUpdated(programmeId, programme == null ? null : programme.getString("title"),
                asOf == null ? today : asOf, clock.instant(),
                scorecards.compute(store, today, asOf, programmeId, null, null).figures(), audits, agencyFigures);
    }

    /**
     * Today's board feed from the programme's figures, read once ({@link ProgrammeCounts}), without
     * the programme's title and the time it was made (added per request: the cache keeps the rest).
     */
    private BoardScorecardUpdated scorecard(ProgrammeCounts counts, LocalDate today, String programmeId) {
        List<AuditFigures> audits = counts.audits(null).stream()
                .sorted(java.util.Comparator.comparing(a -> a.getString("_id")))
                .map(a -> new AuditFigures(a.getString("_id"), a.getString("title"), a.getString("theme"), a.getString("stage"),
                        scorecards.compute(counts, today, programmeId, a.getString("_id"), null).figures()))
                .toList();
        List<AgencyFigures> agencies = counts.agencies().stream()
                .map(agency -> new AgencyFigures(agency, scorecards.compute(counts, today, programmeId, null, agency).figures()))
                .toList();
        return new BoardScorecardUpdated(programmeId, null, today, null,
                scorecards.compute(counts, today, programmeId, null, null).figures(), audits, agencies);
    }

    /** The programme's board feed, today ({@link ProgrammeViewWarmer}). */
    @Override
    public void warm(ProjectionStore store, String programmeId, LocalDate today, Object version, ProgrammeFigures.Read figures) {
        BoardScorecardUpdated feed = scorecard(ProgrammeCounts.of(store, programmeId, figures), today, programmeId);
        views.keep(store, programmeId, version, new BoardFeedOn(today), feed, weight(feed));
    }

    private static int weight(BoardScorecardUpdated feed) {
        return 1 + feed.audits().size() + feed.agencies().size();
    }

    /** Whether the read models know the programme, by its document or an audit in it (two look-ups, not a read of them all). */
    public boolean exists(ProjectionStore store, String programmeId) {
        return store.mongo().exists(Query.query(Criteria.where("_id").is(programmeId)), store.collection(AuditsProjection.PROGRAMMES))
                || inAnAudit(store, programmeId);
    }

    private static boolean inAnAudit(ProjectionStore store, String programmeId) {
        return store.mongo().exists(Query.query(Criteria.where("programmeId").is(programmeId)), store.collection(AuditsProjection.AUDITS));
    }

    /** Every programme the read models know, by its programmes or its audits. */
    public List<String> programmes(ProjectionStore store) {
        TreeSet<String> ids = new TreeSet<>();
        Documents.find(store, AuditsProjection.PROGRAMMES, new Criteria()).forEach(p -> ids.add(p.getString("_id")));
        ids.addAll(Documents.distinct(store, AuditsProjection.AUDITS, "programmeId", new Criteria()));
        return List.copyOf(ids);
    }

    /** The scorecard as CSV: one row per scope (programme, audit, agency). */
    public static String csv(BoardScorecardUpdated scorecard) {
        StringBuilder csv = new StringBuilder("scope,id,title,returns_expected,returns_received,returns_on_time,returns_late,"
                + "returns_nil,returns_sent_back,returns_accepted,returns_outstanding,returns_overdue,findings_good_practice,"
                + "findings_area_for_improvement,actions_total,actions_open,actions_on_track,actions_at_risk,actions_off_track,"
                + "actions_no_update,actions_overdue,actions_closed,milestones_planned,milestones_met,milestones_met_late,"
                + "milestones_on_track,milestones_overdue\r\n");
        row(csv, "programme", scorecard.programmeId(), scorecard.programmeTitle(), scorecard.programme());
        scorecard.audits().forEach(a -> row(csv, "audit", a.auditId(), a.title(), a.figures()));
        scorecard.agencies().forEach(a -> row(csv, "agency", a.agency(), a.agency(), a.figures()));
        return csv.toString();
    }

    private static void row(StringBuilder csv, String scope, String id, String title, BoardScorecardUpdated.Figures f) {
        var r = f.returns();
        var a = f.actions();
        var m = f.milestones();
        int good = f.findingsByAspect().values().stream().mapToInt(BoardScorecardUpdated.FindingCounts::goodPractice).sum();
        int improve = f.findingsByAspect().values().stream().mapToInt(BoardScorecardUpdated.FindingCounts::areaForImprovement).sum();
        csv.append(String.join(",", List.of(scope, quote(id), quote(title),
                        n(r.expected()), n(r.received()), n(r.onTime()), n(r.late()), n(r.nil()), n(r.sentBack()), n(r.accepted()),
                        n(r.outstanding()), n(r.overdue()), n(good), n(improve), n(a.total()), n(a.open()), n(a.onTrack()),
                        n(a.atRisk()), n(a.offTrack()), n(a.noUpdate()), n(a.overdue()), n(a.closed()), n(m.planned()),
                        n(m.met()), n(m.metLate()), n(m.onTrack()), n(m.overdue()))))
                .append("\r\n");
    }

    private static String n(int value) {
        return Integer.toString(value);
    }

    /** The shared guard ({@link io.maap.support.web.CsvCells#quote}): RFC 4180 quoting, formulas neutralised. */
    static String quote(String value) {
        return io.maap.support.web.CsvCells.quote(value);
    }

}
