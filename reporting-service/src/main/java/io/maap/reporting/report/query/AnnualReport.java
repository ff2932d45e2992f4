package io.maap.reporting.report.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The annual audit overview report of a programme year (seed 001: "Audits completed throughout the
 * year ... will inform an annual audit overview report"), as data: a cover and its sections, each a
 * heading, paragraphs, tables and bar charts. The PDF and the spreadsheet are two renderings of it.
 *
 * @param asOf  the day the figures are as of (today, the date asked for, or the day of {@code asAt})
 * @param asAt  the instant the figures were recorded by, when asked "as at"; null otherwise
 */
public record AnnualReport(String programmeId, String title, String partnership, LocalDate periodStart,
                           LocalDate periodEnd, LocalDate asOf, Instant asAt, Instant generatedAt,
                           List<Section> sections) {

    public AnnualReport {
        sections = List.copyOf(sections);
    }

    /** One section: its id (a sheet's name, an anchor), heading, paragraphs, tables and charts. */
    public record Section(String id, String heading, List<String> paragraphs, List<Table> tables, List<BarChart> charts) {
        public Section {
            paragraphs = List.copyOf(paragraphs);
            tables = List.copyOf(tables);
            charts = List.copyOf(charts);
        }
    }

    /**
     * A table with a caption and column headers; a cell is text or a number (or null, shown empty).
     * The first column names the row (a row header).
     */
    public record Table(String caption, List<String> headers, List<List<Object>> rows) {
        public Table {
            headers = List.copyOf(headers);
            rows = rows.stream().map(row -> java.util.Collections.unmodifiableList(new java.util.ArrayList<>(row))).toList();
        }
    }

    /** A horizontal bar chart; its text alternative lists every bar. */
    public record BarChart(String title, String unit, List<Bar> bars) {
        public BarChart {
            bars = List.copyOf(bars);
        }

        public String textAlternative() {
            if (bars.isEmpty()) {
                return title + ": nothing to show.";
            }
            return title + ": " + String.join("; ", bars.stream().map(b -> b.label() + " " + b.value() + " " + unit).toList()) + ".";
        }

        public int max() {
            return bars.stream().mapToInt(Bar::value).max().orElse(0);
        }
    }

    public record Bar(String label, int value) {
    }
}
