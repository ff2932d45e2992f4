package io.maap.reporting.report.query;

import io.maap.events.board.BoardScorecardUpdated;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.List;

/**
 * Agency compliance: each partner's returns (expected, on time, late, nil, sent back, overdue) and
 * actions (owned, closed, overdue), ranked as the compliance view ranks them: by the share of
 * expected returns that came on time, then the share that came at all, then fewest overdue.
 */
@Component
@Order(20)
public class AgencyComplianceSection implements SectionBuilder {

    @Override
    public AnnualReport.Section build(ReportInput input) {
        List<BoardScorecardUpdated.AgencyFigures> agencies = input.scorecard().agencies().stream()
                .sorted(Comparator.comparingDouble((BoardScorecardUpdated.AgencyFigures a) ->
                                -share(a.figures().returns().onTime(), a.figures().returns().expected()))
                        .thenComparingDouble(a -> -share(a.figures().returns().received(), a.figures().returns().expected()))
                        .thenComparingInt(a -> a.figures().returns().overdue())
                        .thenComparing(BoardScorecardUpdated.AgencyFigures::agency))
                .toList();
        List<List<Object>> rows = agencies.stream().map(a -> {
            BoardScorecardUpdated.Returns r = a.figures().returns();
            BoardScorecardUpdated.Actions x = a.figures().actions();
            return List.<Object>of(a.agency(), r.expected(), r.received(), r.onTime(), r.late(), r.nil(), r.sentBack(),
                    r.overdue(), Cells.percent(r.onTime(), r.expected()), x.total(), x.closed(), x.overdue());
        }).toList();
        BoardScorecardUpdated.Returns all = input.scorecard().programme().returns();
        String paragraph = agencies.isEmpty() ? "No returns have been requested from agencies yet."
                : agencies.size() + " agencies were asked for " + all.expected() + " returns; " + all.received()
                + " came in (" + all.onTime() + " on time, " + all.late() + " late, " + all.nil() + " nil returns), "
                + all.sentBack() + " were sent back as not robust enough, and " + all.overdue() + " are overdue.";
        return new AnnualReport.Section("agency-compliance", "Agency compliance", List.of(paragraph),
                List.of(new AnnualReport.Table("Returns and actions by agency, best on-time record first",
                        List.of("Agency", "Returns expected", "Received", "On time", "Late", "Nil returns", "Sent back",
                                "Overdue", "On time (% of expected)", "Actions owned", "Actions closed", "Actions overdue"),
                        rows)),
                List.of(new AnnualReport.BarChart("Returns on time, per cent of those expected", "%",
                        agencies.stream().map(a -> new AnnualReport.Bar(a.agency(),
                                Cells.percent(a.figures().returns().onTime(), a.figures().returns().expected()))).toList())));
    }

    private static double share(int part, int whole) {
        return whole == 0 ? 1 : (double) part / whole;
    }
}
