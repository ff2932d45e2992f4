package io.maap.reporting.report.web;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import io.maap.reporting.report.query.AnnualReport;
import io.maap.reporting.report.query.Cells;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The annual report as an accessible PDF: an HTML document in the GOV.UK style (real headings,
 * tables with a caption and column and row headers, each chart a figure with its text alternative)
 * rendered by openhtmltopdf in its PDF/UA mode, so the PDF is tagged (structure tree, marked
 * content), names its language and title, and embeds its font (Liberation Sans, shipped in PDFBox).
 */
@Component
public class PdfReport {

    static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    private static final DateTimeFormatter GENERATED = DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm", Locale.UK)
            .withZone(ZoneId.of("Europe/London"));

    private static final String STYLE = """
            @page { size: A4 landscape; margin: 15mm 15mm 18mm 15mm;
                    @bottom-right { content: "Page " counter(page) " of " counter(pages); font-family: 'Liberation Sans'; font-size: 9pt; } }
            body { font-family: 'Liberation Sans'; color: #0b0c0c; font-size: 11pt; line-height: 1.3; }
            h1 { font-size: 28pt; margin: 0 0 12pt 0; }
            h2 { font-size: 18pt; margin: 0 0 8pt 0; page-break-before: always; border-bottom: 3pt solid #1d70b8; padding-bottom: 4pt; }
            h3 { font-size: 13pt; margin: 12pt 0 6pt 0; }
            .cover { border-left: 10pt solid #1d70b8; padding-left: 14pt; margin-top: 40mm; }
            .caption { font-size: 16pt; color: #505a5f; margin: 0 0 4pt 0; }
            .as-of { font-size: 16pt; margin-top: 18pt; }
            table { border-collapse: collapse; width: 100%; margin-bottom: 12pt; font-size: 8.5pt; -fs-table-paginate: paginate; }
            caption { text-align: left; font-size: 11pt; padding-bottom: 4pt; }
            th, td { border-bottom: 1pt solid #b1b4b6; padding: 3pt 4pt 3pt 0; text-align: left; vertical-align: top; }
            thead th { border-bottom: 1.5pt solid #0b0c0c; }
            td.number { text-align: right; }
            .chart { margin: 6pt 0 12pt 0; }
            .bar-row { margin: 2pt 0; }
            .bar-label { display: inline-block; width: 70mm; font-size: 9pt; }
            .bar { display: inline-block; height: 9pt; background-color: #1d70b8; }
            .bar-value { display: inline-block; font-size: 9pt; padding-left: 3pt; }
            .alternative { font-size: 9pt; color: #505a5f; }
            """;

    public byte[] render(AnnualReport report) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.usePdfUaAccessbility(true);
            builder.useFont(() -> PdfReport.class.getResourceAsStream(FONT), "Liberation Sans", 400,
                    BaseRendererBuilder.FontStyle.NORMAL, true);
            builder.useFont(() -> PdfReport.class.getResourceAsStream(FONT), "Liberation Sans", 700,
                    BaseRendererBuilder.FontStyle.NORMAL, true);
            builder.withHtmlContent(html(report), null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not render the annual report as PDF", e);
        }
        return out.toByteArray();
    }

    /** The report as XHTML (openhtmltopdf reads well-formed XML). */
    static String html(AnnualReport report) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en-GB\" xmlns=\"http://www.w3.org/1999/xhtml\"><head><meta charset=\"UTF-8\"/>")
                .append("<title>").append(e("Annual audit overview report: " + report.title())).append("</title>")
                .append("<meta name=\"subject\" content=\"").append(e("Multi-agency audit programme " + report.programmeId()))
                .append("\"/><meta name=\"author\" content=\"MAAP\"/><style>").append(STYLE).append("</style></head><body>");
        h.append("<div class=\"cover\"><p class=\"caption\">Annual audit overview report</p><h1>").append(e(report.title()))
                .append("</h1>");
        if (report.partnership() != null) {
            h.append("<p>").append(e(report.partnership())).append("</p>");
        }
        if (report.periodStart() != null && report.periodEnd() != null) {
            h.append("<p>Programme year ").append(e(Cells.day(report.periodStart()))).append(" to ")
                    .append(e(Cells.day(report.periodEnd()))).append("</p>");
        }
        h.append("<p class=\"as-of\">").append(e(asOfLine(report))).append("</p>")
                .append("<p>Generated from the platform's records on ").append(e(GENERATED.format(report.generatedAt())))
                .append(".</p><h2 style=\"page-break-before: avoid; border: none; font-size: 13pt; margin-top: 24pt;\">Contents</h2><ol>");
        report.sections().forEach(s -> h.append("<li>").append(e(s.heading())).append("</li>"));
        h.append("</ol></div>");
        for (AnnualReport.Section section : report.sections()) {
            h.append("<h2 id=\"").append(e(section.id())).append("\">").append(e(section.heading())).append("</h2>");
            section.paragraphs().forEach(p -> h.append("<p>").append(e(p)).append("</p>"));
            section.charts().forEach(chart -> chart(h, chart));
            section.tables().forEach(table -> table(h, table));
        }
        h.append("</body></html>");
        return h.toString();
    }

    static String asOfLine(AnnualReport report) {
        if (report.asAt() != null) {
            return "As recorded at " + GENERATED.format(report.asAt());
        }
        return "Figures as of " + Cells.day(report.asOf());
    }

    private static void chart(StringBuilder h, AnnualReport.BarChart chart) {
        h.append("<div class=\"chart\"><h3>").append(e(chart.title())).append("</h3>");
        int max = Math.max(1, chart.max());
        for (AnnualReport.Bar bar : chart.bars()) {
            double width = 150.0 * bar.value() / max;
            h.append("<div class=\"bar-row\"><span class=\"bar-label\">").append(e(bar.label())).append("</span>");
            if (bar.value() > 0) {
                h.append("<span class=\"bar\" style=\"width: ").append(String.format(Locale.ROOT, "%.1f", width)).append("mm;\"></span>");
            }
            h.append("<span class=\"bar-value\">").append(bar.value()).append(' ').append(e(chart.unit())).append("</span></div>");
        }
        h.append("<p class=\"alternative\">").append(e(chart.textAlternative())).append("</p></div>");
    }

    private static void table(StringBuilder h, AnnualReport.Table table) {
        h.append("<table><caption>").append(e(table.caption())).append("</caption><thead><tr>");
        table.headers().forEach(header -> h.append("<th scope=\"col\">").append(e(header)).append("</th>"));
        h.append("</tr></thead><tbody>");
        if (table.rows().isEmpty()) {
            h.append("<tr><td colspan=\"").append(table.headers().size()).append("\">None.</td></tr>");
        }
        for (List<Object> row : table.rows()) {
            h.append("<tr>");
            for (int i = 0; i < row.size(); i++) {
                Object cell = row.get(i);
                String text = cell == null ? "" : cell.toString();
                if (i == 0) {
                    h.append("<th scope=\"row\">").append(e(text)).append("</th>");
                } else if (cell instanceof Number) {
                    h.append("<td class=\"number\">").append(e(text)).append("</td>");
                } else {
                    h.append("<td>").append(e(text)).append("</td>");
                }
            }
            h.append("</tr>");
        }
        h.append("</tbody></table>");
    }

    private static String e(String text) {
        // Characters XML 1.0 does not allow (control characters) would stop the parser: dropped.
        String xml = text == null ? "" : text.replaceAll("[^\\x09\\x0A\\x0D\\x20-\\uD7FF\\uE000-\\uFFFD\\x{10000}-\\x{10FFFF}]", "");
        return HtmlUtils.htmlEscape(xml, "UTF-8");
    }
}
