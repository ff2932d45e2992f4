package io.maap.reporting.scorecard.web;

import io.maap.reporting.scorecard.query.Scorecards;

import io.maap.reporting.audits.query.AuditsProjection;
import io.maap.reporting.projection.query.AsOf;
import io.maap.reporting.projection.query.Documents;
import io.maap.reporting.projection.query.ViewStores;
import io.maap.reporting.returns.query.ReturnsProjection;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

@RestController
@RequestMapping("/api/scorecard")
public class ScorecardController {

    private final ViewStores views;
    private final Scorecards scorecards;

    public ScorecardController(ViewStores views, Scorecards scorecards) {
        this.views = views;
        this.scorecards = scorecards;
    }

    @GetMapping
    @Operation(summary = "The QA scorecard for a programme, an audit or an agency (any combination of filters)",
            description = "Returns expected, received, on time, late, nil, sent back, accepted, outstanding, overdue; "
                    + "findings by aspect and kind; actions by RAG, overdue and closed; milestones met or on track. "
                    + "With asAt, as recorded by that instant; with asOf, the position on that date by when things "
                    + "happened (returns requested and received by then, findings recorded, actions added and open "
                    + "then, milestones reached by then).")
    public Scorecards.Scorecard scorecard(@RequestParam(required = false) Instant asAt,
                                          @RequestParam(required = false) LocalDate asOf,
                                          @RequestParam(required = false) String programmeId,
                                          @RequestParam(required = false) String auditId,
                                          @RequestParam(required = false) String agency) {
        ViewStores.View view = views.view(asAt, asOf);
        return scorecards.compute(view.store(), view.today(), view.asOf(), programmeId, auditId, agency);
    }

    @GetMapping("/by-audit")
    @Operation(summary = "One scorecard per audit of a programme")
    public List<AuditScorecard> byAudit(@RequestParam(required = false) Instant asAt,
                                        @RequestParam(required = false) LocalDate asOf, @RequestParam String programmeId) {
        ViewStores.View view = views.view(asAt, asOf);
        return Documents.find(view.store(), AuditsProjection.AUDITS, Documents.where("programmeId", programmeId)).stream()
                .map(audit -> asOf == null ? audit : AsOf.audit(audit, asOf))
                .map(audit -> new AuditScorecard(audit.getString("_id"), audit.getString("title"), audit.getString("theme"),
                        audit.getString("stage"),
                        scorecards.compute(view.store(), view.today(), view.asOf(), programmeId, audit.getString("_id"), null)))
                .toList();
    }

    @GetMapping("/by-agency")
    @Operation(summary = "One scorecard per agency asked for returns in a programme")
    public List<Scorecards.Scorecard> byAgency(@RequestParam(required = false) Instant asAt,
                                               @RequestParam(required = false) LocalDate asOf,
                                               @RequestParam String programmeId) {
        ViewStores.View view = views.view(asAt, asOf);
        return Documents.distinct(view.store(), ReturnsProjection.RETURNS, "agency", Documents.where("programmeId", programmeId))
                .stream().map(agency -> scorecards.compute(view.store(), view.today(), view.asOf(), programmeId, null, agency))
                .toList();
    }

    public record AuditScorecard(String auditId, String title, String theme, String stage, Scorecards.Scorecard scorecard) {
    }
}
