package io.maap.reporting.scorecard.web;

import io.maap.reporting.scorecard.query.Scorecards;

import io.maap.events.board.BoardScorecardUpdated;
import io.maap.reporting.projection.query.Page;
import io.maap.reporting.projection.query.ViewStores;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

@RestController
@Validated
@RequestMapping("/api/agency-compliance")
public class ComplianceController {

    private static final BoardScorecardUpdated.Returns NO_RETURNS = new BoardScorecardUpdated.Returns(0, 0, 0, 0, 0, 0, 0, 0, 0);
    private static final BoardScorecardUpdated.Actions NO_ACTIONS = new BoardScorecardUpdated.Actions(0, 0, 0, 0, 0, 0, 0, 0);

    private final ViewStores views;
    private final Scorecards scorecards;

    public ComplianceController(ViewStores views, Scorecards scorecards) {
        this.views = views;
        this.scorecards = scorecards;
    }

    /** One agency's record across a programme year; rates are fractions of the returns received (or actions owned). */
    public record AgencyCompliance(int rank, String agency, int returnsExpected, int returnsReceived, int returnsOnTime,
                                   double onTimeRate,
                                   double nilReturnRate, double sentBackRate, int returnsOverdue, int actionsOwned,
                                   int actionsClosed, int actionsOverdue, double actionClosureRate) {
    }

    @GetMapping
    @Operation(summary = "Agency compliance, ranked: timeliness and quality of returns and closure of actions",
            description = "Ranked by the share of expected returns that came on time, then the share that came at all, "
                    + "then fewest overdue, fewest sent back, and action closure rate. With asAt, as recorded by that "
                    + "instant; with asOf, the position on that date by when things happened.")
    public Page<AgencyCompliance> compliance(@RequestParam(required = false) Instant asAt,
                                             @RequestParam(required = false) LocalDate asOf,
                                             @RequestParam(required = false) String programmeId,
                                             @RequestParam(defaultValue = "0") @Min(0) int page,
                                             @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        ViewStores.View view = views.view(asAt, asOf);
        Map<String, BoardScorecardUpdated.Returns> returns = scorecards.returnsByAgency(view.store(), view.today(),
                view.asOf(), programmeId);
        Map<String, BoardScorecardUpdated.Actions> actions = scorecards.actionsByAgency(view.store(), view.today(),
                view.asOf(), programmeId);
        TreeSet<String> agencies = new TreeSet<>(returns.keySet());
        agencies.addAll(actions.keySet());
        List<AgencyCompliance> rows = agencies.stream().map(agency -> {
            BoardScorecardUpdated.Returns r = returns.getOrDefault(agency, NO_RETURNS);
            BoardScorecardUpdated.Actions a = actions.getOrDefault(agency, NO_ACTIONS);
            return new AgencyCompliance(0, agency, r.expected(), r.received(), r.onTime(), rate(r.onTime(), r.received()),
                    rate(r.nil(), r.received()), rate(r.sentBack(), r.received()), r.overdue(), a.total(), a.closed(),
                    a.overdue(), rate(a.closed(), a.total()));
        }).sorted(Comparator.comparingDouble((AgencyCompliance c) -> share(c.returnsOnTime(), c.returnsExpected())).reversed()
                .thenComparing(Comparator.comparingDouble((AgencyCompliance c) -> share(c.returnsReceived(), c.returnsExpected())).reversed())
                .thenComparingInt(AgencyCompliance::returnsOverdue)
                .thenComparingDouble(AgencyCompliance::sentBackRate)
                .thenComparing(Comparator.comparingDouble(AgencyCompliance::actionClosureRate).reversed())
                .thenComparing(AgencyCompliance::agency)).toList();
        List<AgencyCompliance> ranked = new java.util.ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            AgencyCompliance row = rows.get(i);
            ranked.add(new AgencyCompliance(i + 1, row.agency(), row.returnsExpected(), row.returnsReceived(), row.returnsOnTime(),
                    row.onTimeRate(),
                    row.nilReturnRate(), row.sentBackRate(), row.returnsOverdue(), row.actionsOwned(), row.actionsClosed(),
                    row.actionsOverdue(), row.actionClosureRate()));
        }
        return Page.of(ranked, page, size, view.asAt(), view.asOf());
    }

    private static double share(int part, int whole) {
        return whole == 0 ? 1 : (double) part / whole;
    }

    private static double rate(int part, int whole) {
        return whole == 0 ? 0 : Math.round(1000.0 * part / whole) / 1000.0;
    }
}
