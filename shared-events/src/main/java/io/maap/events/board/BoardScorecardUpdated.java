package io.maap.events.board;

import io.maap.events.EventType;
import io.maap.events.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The QA scorecard the Board reads for one programme, whole: sent by reporting-service whenever
 * any figure in it changes (and when a day passes and returns or actions become overdue). The
 * topic is compacted, so a new reader finds the latest scorecard of every programme.
 *
 * @param programmeId    the programme
 * @param programmeTitle the programme's title, when the programme was entered
 * @param seenOn         the day (Europe/London) the figures are as of
 * @param generatedAt    when the scorecard was computed (UTC)
 * @param programme      the figures for the whole programme
 * @param audits         the figures per audit
 * @param agencies       the figures per agency
 */
@EventType(name = "maap.board-scorecard.updated", version = 1)
public record BoardScorecardUpdated(
        String programmeId,
        @Nullable String programmeTitle,
        LocalDate seenOn,
        Instant generatedAt,
        Figures programme,
        List<AuditFigures> audits,
        List<AgencyFigures> agencies) implements BoardFeedMessage {

    public BoardScorecardUpdated {
        audits = List.copyOf(audits);
        agencies = List.copyOf(agencies);
    }

    /** Returns, findings, actions and milestones for one scope. */
    public record Figures(Returns returns, Map<String, FindingCounts> findingsByAspect, Actions actions,
                          Milestones milestones) {
    }

    /** One audit's figures. */
    public record AuditFigures(String auditId, @Nullable String title, @Nullable String theme, @Nullable String stage,
                               Figures figures) {
    }

    /** One agency's figures. */
    public record AgencyFigures(String agency, Figures figures) {
    }

    /**
     * Return requests by state: {@code onTime} and {@code late} count first returns received;
     * {@code outstanding} those awaited (never submitted or sent back); {@code overdue} the
     * outstanding ones past their due date.
     */
    public record Returns(int expected, int received, int onTime, int late, int nil, int sentBack, int accepted,
                          int outstanding, int overdue) {
    }

    /** Findings of one aspect by kind. */
    public record FindingCounts(int goodPractice, int areaForImprovement) {
    }

    /** Actions by state; open ones by their latest RAG ({@code noUpdate}: no progress reported yet). */
    public record Actions(int total, int open, int onTrack, int atRisk, int offTrack, int noUpdate, int overdue,
                          int closed) {
    }

    /** Planned milestones: met on time, met late, still on track, or overdue. */
    public record Milestones(int planned, int met, int metLate, int onTrack, int overdue) {
    }
}
