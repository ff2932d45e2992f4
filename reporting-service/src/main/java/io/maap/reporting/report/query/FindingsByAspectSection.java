package io.maap.reporting.report.query;

import io.maap.events.board.BoardScorecardUpdated;
import org.bson.Document;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Findings by aspect of practice (the Leicester seed's aspects): good practice against areas for improvement. */
@Component
@Order(30)
public class FindingsByAspectSection implements SectionBuilder {

    @Override
    public AnnualReport.Section build(ReportInput input) {
        Map<String, String> labels = new HashMap<>();
        for (Document f : input.findings()) {
            if (f.getString("aspectLabel") != null) {
                labels.putIfAbsent(f.getString("aspect"), f.getString("aspectLabel"));
            }
        }
        Map<String, BoardScorecardUpdated.FindingCounts> byAspect = input.scorecard().programme().findingsByAspect();
        List<Map.Entry<String, BoardScorecardUpdated.FindingCounts>> aspects = byAspect.entrySet().stream()
                .sorted(Map.Entry.<String, BoardScorecardUpdated.FindingCounts>comparingByValue(
                        (a, b) -> Integer.compare(b.areaForImprovement() + b.goodPractice(), a.areaForImprovement() + a.goodPractice()))
                        .thenComparing(Map.Entry.comparingByKey()))
                .toList();
        int good = aspects.stream().mapToInt(e -> e.getValue().goodPractice()).sum();
        int improve = aspects.stream().mapToInt(e -> e.getValue().areaForImprovement()).sum();
        String paragraph = aspects.isEmpty() ? "No findings have been recorded yet."
                : (good + improve) + " findings were recorded across " + aspects.size() + " aspects of practice: " + good
                + " of good practice and " + improve + " areas for improvement.";
        List<List<Object>> rows = aspects.stream().map(e -> List.<Object>of(labels.getOrDefault(e.getKey(), e.getKey()),
                e.getValue().goodPractice(), e.getValue().areaForImprovement())).toList();
        return new AnnualReport.Section("findings", "Findings by aspect", List.of(paragraph),
                List.of(new AnnualReport.Table("Findings by aspect of practice",
                        List.of("Aspect", "Good practice", "Areas for improvement"), rows)),
                List.of(new AnnualReport.BarChart("Areas for improvement by aspect", "findings", aspects.stream()
                                .map(e -> new AnnualReport.Bar(labels.getOrDefault(e.getKey(), e.getKey()),
                                        e.getValue().areaForImprovement())).toList()),
                        new AnnualReport.BarChart("Good practice by aspect", "findings", aspects.stream()
                                .map(e -> new AnnualReport.Bar(labels.getOrDefault(e.getKey(), e.getKey()),
                                        e.getValue().goodPractice())).toList())));
    }
}
