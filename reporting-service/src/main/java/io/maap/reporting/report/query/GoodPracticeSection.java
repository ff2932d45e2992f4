package io.maap.reporting.report.query;

import org.bson.Document;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.List;

/** Good practice found, and whether the chair has recognised it (seed 001: "letters to recognise good practice"). */
@Component
@Order(40)
public class GoodPracticeSection implements SectionBuilder {

    @Override
    public AnnualReport.Section build(ReportInput input) {
        List<Document> good = input.findings().stream().filter(f -> "GOOD_PRACTICE".equals(f.getString("kind"))).toList();
        long recognised = good.stream().filter(f -> Boolean.TRUE.equals(f.getBoolean("recognised"))).count();
        String paragraph = good.isEmpty() ? "No good practice has been recorded yet."
                : good.size() + " findings of good practice; " + recognised + " recognised by the Board's chair.";
        List<List<Object>> rows = good.stream().map(f -> List.<Object>of(input.auditTitle(f.getString("auditId")),
                text(f.getString("aspectLabel") == null ? f.getString("aspect") : f.getString("aspectLabel")),
                String.join(", ", f.getList("agencies", String.class, List.of())), text(f.getString("summary")),
                Boolean.TRUE.equals(f.getBoolean("recognised")) ? Cells.day(f.getString("recognisedOn")) : "Not yet"))
                .toList();
        return new AnnualReport.Section("good-practice", "Good practice recognised", List.of(paragraph),
                List.of(new AnnualReport.Table("Good practice found, by audit",
                        List.of("Audit", "Aspect", "Agencies", "Good practice", "Recognised on"), rows)),
                List.of());
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
