package io.maap.reporting.report.web;

import io.maap.reporting.projection.query.ViewStores;
import io.maap.reporting.report.query.AnnualReport;
import io.maap.reporting.report.query.AnnualReports;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The annual audit overview report of a programme (docs/board-papers.md): as data (JSON), as an
 * accessible tagged PDF and as an XLSX workbook, today, as of a date or as at an instant.
 */
@RestController
@RequestMapping("/api/annual-reports")
public class AnnualReportController {

    static final MediaType PDF = MediaType.APPLICATION_PDF;
    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final ViewStores views;
    private final AnnualReports reports;
    private final PdfReport pdf;
    private final SpreadsheetReport spreadsheet;

    public AnnualReportController(ViewStores views, AnnualReports reports, PdfReport pdf, SpreadsheetReport spreadsheet) {
        this.views = views;
        this.reports = reports;
        this.pdf = pdf;
        this.spreadsheet = spreadsheet;
    }

    @GetMapping(value = "/{programmeId}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The annual audit overview report of a programme, as data: cover and sections (tables, charts)",
            description = "With asOf, the position on that date by when things happened; with asAt, as recorded by that instant.")
    public AnnualReport report(@PathVariable String programmeId, @RequestParam(required = false) Instant asAt,
                               @RequestParam(required = false) LocalDate asOf) {
        return reports.report(views.view(asAt, asOf), programmeId);
    }

    @GetMapping(value = "/{programmeId}.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The annual audit overview report as an accessible, tagged PDF (PDF/UA) download")
    public ResponseEntity<byte[]> pdf(@PathVariable String programmeId, @RequestParam(required = false) Instant asAt,
                                      @RequestParam(required = false) LocalDate asOf) {
        AnnualReport report = report(programmeId, asAt, asOf);
        return download(pdf.render(report), PDF, report, "pdf");
    }

    @GetMapping(value = "/{programmeId}.xlsx",
            produces = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    @Operation(summary = "The annual audit overview report as a spreadsheet (XLSX) download: one sheet per section")
    public ResponseEntity<byte[]> xlsx(@PathVariable String programmeId, @RequestParam(required = false) Instant asAt,
                                       @RequestParam(required = false) LocalDate asOf) {
        AnnualReport report = report(programmeId, asAt, asOf);
        return download(spreadsheet.render(report), XLSX, report, "xlsx");
    }

    private static ResponseEntity<byte[]> download(byte[] body, MediaType type, AnnualReport report, String extension) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("annual-report-" + report.programmeId() + "-" + report.asOf() + "." + extension,
                                java.nio.charset.StandardCharsets.UTF_8)
                        .build().toString())
                .body(body);
    }
}
