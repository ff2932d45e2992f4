package io.maap.dashboard.reports.web;

import io.maap.dashboard.config.DashboardProperties;
import io.maap.dashboard.config.ServiceClients;
import io.maap.dashboard.page.web.AsAt;
import io.maap.dashboard.page.web.FormErrors;
import io.maap.dashboard.page.web.Forms;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Board's papers (docs/board-papers.md): the board scorecard CSV and the annual audit overview
 * report (PDF, spreadsheet) to download, for now or a past date, relayed from reporting-service with
 * the signed-in person's token; and the import of an existing audit calendar (CSV), relayed to
 * audit-programme-service, with its report per row.
 */
@Controller
public class BoardPapersController {

    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
    };
    private static final Map<String, String> DOWNLOADS = Map.of(
            "annual-report.pdf", "/api/annual-reports/{p}.pdf",
            "annual-report.xlsx", "/api/annual-reports/{p}.xlsx",
            "scorecard.csv", "/api/board-scorecard/{p}.csv");

    /** Rendering a year's report takes longer than a page's figures: its downloads may take this long. */
    static final java.time.Duration DOWNLOAD_TIMEOUT = java.time.Duration.ofSeconds(60);

    private final RestClient reporting;
    private final RestClient auditProgramme;
    private final DashboardProperties properties;

    public BoardPapersController(ServiceClients clients, DashboardProperties properties) {
        java.time.Duration timeout = properties.timeout().compareTo(DOWNLOAD_TIMEOUT) > 0 ? properties.timeout() : DOWNLOAD_TIMEOUT;
        this.reporting = clients.reporting().mutate()
                .requestFactory(org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder.detect().build(
                        org.springframework.boot.http.client.HttpClientSettings.defaults()
                                .withConnectTimeout(properties.timeout()).withReadTimeout(timeout)))
                .build();
        this.auditProgramme = clients.auditProgramme();
        this.properties = properties;
    }

    @GetMapping("/board-papers")
    String papers(@RequestParam(required = false) String programmeId, AsAt asAt, Model model) {
        String programme = ReportsController.blankTo(programmeId, properties.programmeId());
        model.addAttribute("programmeId", programme);
        model.addAttribute("query", asAt.error() == null ? ReportsController.uri("", asAt, Map.of()) : "");
        return "board-papers";
    }

    @GetMapping("/board-papers/{programmeId}/{file:annual-report\\.pdf|annual-report\\.xlsx|scorecard\\.csv}")
    ResponseEntity<byte[]> download(@PathVariable String programmeId, @PathVariable String file, AsAt asAt) {
        if (asAt.error() != null) {
            return ResponseEntity.badRequest().contentType(MediaType.TEXT_PLAIN).body(asAt.error().getBytes());
        }
        ResponseEntity<byte[]> answer = reporting.get()
                .uri(ReportsController.uri(DOWNLOADS.get(file), asAt, Map.of()), programmeId)
                // the clients ask for JSON by default; a download is the file's own type
                .accept(MediaType.ALL)
                .retrieve().toEntity(byte[].class);
        ResponseEntity.BodyBuilder relay = ResponseEntity.ok();
        if (answer.getHeaders().getContentType() != null) {
            relay.contentType(answer.getHeaders().getContentType());
        }
        String disposition = answer.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION);
        if (disposition != null) {
            relay.header(HttpHeaders.CONTENT_DISPOSITION, disposition);
        }
        return relay.body(answer.getBody());
    }

    @GetMapping("/programmes/import")
    String importForm(Model model) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("programmeId", "");
        return importPage(form, FormErrors.none(), null, model);
    }

    @PostMapping(value = "/programmes/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    String importCalendar(@RequestParam Map<String, String> form, @RequestParam(required = false) MultipartFile file,
                          Model model) throws IOException {
        FormErrors errors = FormErrors.none();
        String programmeId = Forms.text(form, "programmeId");
        if (programmeId == null) {
            errors.add("programmeId", "Enter the programme's id, for example redbridge-2017-18");
        }
        if (file == null || file.isEmpty()) {
            errors.add("file", "Choose the calendar's CSV file");
        }
        LocalDate periodStart = Forms.date(form, "periodStart", "the first day of the programme year", false, errors);
        LocalDate periodEnd = Forms.date(form, "periodEnd", "the last day of the programme year", false, errors);
        LocalDate agreedOn = Forms.date(form, "agreedOn", "the day the programme was agreed", false, errors);
        if (errors.any()) {
            return importPage(form, errors, null, model);
        }
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        byte[] bytes = file.getBytes();
        String filename = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? "calendar.csv"
                : file.getOriginalFilename();
        parts.add("file", new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return filename;
            }
        });
        for (String field : List.of("partnership", "title", "agreedBy", "year", "leadOfficer", "agencies")) {
            if (Forms.text(form, field) != null) {
                parts.add(field, Forms.text(form, field));
            }
        }
        if (periodStart != null) {
            parts.add("periodStart", periodStart.toString());
        }
        if (periodEnd != null) {
            parts.add("periodEnd", periodEnd.toString());
        }
        if (agreedOn != null) {
            parts.add("agreedOn", agreedOn.toString());
        }
        parts.add("dryRun", String.valueOf("true".equals(form.get("dryRun"))));
        Map<String, Object> report;
        try {
            report = auditProgramme.post().uri("/api/programmes/{p}/calendar-import", programmeId)
                    .contentType(MediaType.MULTIPART_FORM_DATA).body(parts).retrieve().body(OBJECT);
        } catch (HttpClientErrorException.BadRequest e) {
            Map<String, Object> problem = e.getResponseBodyAs(OBJECT);
            Object fromReport = problem == null ? null : problem.get("report");
            if (fromReport instanceof Map<?, ?> map) {
                @SuppressWarnings("unchecked")
                Map<String, Object> rows = (Map<String, Object>) map;
                report = rows;
                Object fileErrors = rows.get("errors");
                if (fileErrors instanceof List<?> list) {
                    list.forEach(message -> errors.add("file", String.valueOf(message)));
                }
                long bad = ((List<?>) rows.getOrDefault("rows", List.of())).stream()
                        .filter(r -> r instanceof Map<?, ?> m && m.get("errors") instanceof List<?> l && !l.isEmpty()).count();
                if (bad > 0) {
                    errors.add("rows", bad + " rows have errors (below); nothing was imported");
                }
            } else {
                errors.add("file", problem == null || problem.get("detail") == null ? "The calendar could not be imported"
                        : String.valueOf(problem.get("detail")));
                report = null;
            }
        }
        return importPage(form, errors, report, model);
    }

    private String importPage(Map<String, String> form, FormErrors errors, Map<String, Object> report, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("report", report);
        return "calendar-import";
    }
}
