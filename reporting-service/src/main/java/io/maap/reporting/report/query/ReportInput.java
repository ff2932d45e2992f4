package io.maap.reporting.report.query;

import io.maap.events.board.BoardScorecardUpdated;
import io.maap.reporting.projection.query.ProjectionStore;
import io.maap.reporting.projection.query.ViewStores;
import org.bson.Document;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What every section builder reads, gathered once per report: the programme, its audits, findings
 * and actions as they stood on the day (as of a date, through {@code AsOf}), and the Board's
 * scorecard of the programme (the same figures as the board feed).
 *
 * @param today the day the report is seen from (the as-of date when one is given)
 * @param asOf  the as-of date asked for, or null for today's position
 * @param asAt  the instant asked "as at" (the store is then that generation), or null
 */
public record ReportInput(ProjectionStore store, LocalDate today, LocalDate asOf, Instant asAt, String programmeId,
                          Document programme,
                          List<Document> audits, List<Document> findings, List<Document> actions,
                          BoardScorecardUpdated scorecard) {

    public ReportInput {
        audits = List.copyOf(audits);
        findings = List.copyOf(findings);
        actions = List.copyOf(actions);
    }

    /**
     * The view the report reads, for sections built from a read model's own views (the business
     * plan's scorecard, the audits' learning), so they see the same day, as-of date and generation.
     */
    public ViewStores.View view() {
        return new ViewStores.View(store, today, asAt, asOf);
    }

    /** An audit's title by id (the id when the audit is unknown). */
    public String auditTitle(String auditId) {
        return audits.stream().filter(a -> auditId.equals(a.getString("_id"))).findFirst()
                .map(a -> a.getString("title") == null ? auditId : a.getString("title")).orElse(auditId);
    }
}
