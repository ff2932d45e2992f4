package io.maap.dashboard.reports.web;

import io.maap.dashboard.reports.web.Charts;

import io.maap.dashboard.config.DashboardProperties;
import io.maap.dashboard.config.ServiceClients;
import io.maap.dashboard.page.web.Api;
import io.maap.dashboard.page.web.AsAt;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The read pages, every one from reporting-service and every one able to show the view "as at"
 * a past date: schedule, scorecard, overdue returns, an audit's matrix, agency compliance and
 * safeguarding concerns.
 */
@Controller
public class ReportsController {

    private final RestClient reporting;
    private final DashboardProperties properties;
    private final Charts charts;

    public ReportsController(ServiceClients clients, DashboardProperties properties, Charts charts) {
        this.reporting = clients.reporting();
        this.properties = properties;
        this.charts = charts;
    }

    @GetMapping("/")
    String home(@RequestParam(required = false) String programmeId,
                Model model) {
        String programme = blankTo(programmeId, properties.programmeId());
        model.addAttribute("programmeId", programme);
        model.addAttribute("audits", Api.list(reporting, "/api/scorecard/by-audit?programmeId={p}", programme));
        return "home";
    }

    @GetMapping("/programmes/{programmeId}/schedule")
    String schedule(@PathVariable String programmeId, AsAt asAt, Model model) {
        if (asAt.error() == null) {
            Map<String, Object> schedule = Api.object(reporting, uri("/api/programmes/{p}/schedule", asAt, Map.of()), programmeId);
            model.addAttribute("schedule", schedule);
            model.addAttribute("timelineChart", charts.timeline(schedule));
        }
        model.addAttribute("programmeId", programmeId);
        return "schedule";
    }

    @GetMapping("/scorecard")
    String scorecard(@RequestParam(required = false) String programmeId, @RequestParam(required = false) String auditId,
                     @RequestParam(required = false) String agency,
                     AsAt asAt, Model model) {
        String programme = auditId == null || auditId.isBlank() ? blankTo(programmeId, properties.programmeId()) : blankTo(programmeId, null);
        model.addAttribute("programmeId", programme);
        model.addAttribute("auditId", blankTo(auditId, null));
        model.addAttribute("agency", blankTo(agency, null));
        if (asAt.error() == null) {
            Map<String, Object> filters = filters("programmeId", programme, "auditId", auditId, "agency", agency);
            Map<String, Object> scorecard = Api.object(reporting, uri("/api/scorecard", asAt, filters));
            model.addAttribute("scorecard", scorecard);
            model.addAttribute("returnsChart", charts.returns(scorecard));
            model.addAttribute("actionsChart", charts.actions(scorecard));
            model.addAttribute("findingsChart", charts.findings(scorecard));
            if (programme != null) {
                model.addAttribute("byAudit", Api.list(reporting, uri("/api/scorecard/by-audit", asAt, filters("programmeId", programme))));
            }
        }
        return "scorecard";
    }

    @GetMapping("/overdue-returns")
    String overdue(@RequestParam(required = false) String programmeId, @RequestParam(required = false) String auditId,
                   @RequestParam(required = false) String agency, @RequestParam(defaultValue = "WORKING_DAYS_LATE") String order,
                   @RequestParam(defaultValue = "true") boolean overdueOnly, AsAt asAt, Model model) {
        overdueModel(programmeId, auditId, agency, order, overdueOnly, asAt, model);
        return "overdue";
    }

    /** The table alone, which the page's script fetches to refresh itself. */
    @GetMapping("/overdue-returns/table")
    String overdueTable(@RequestParam(required = false) String programmeId, @RequestParam(required = false) String auditId,
                        @RequestParam(required = false) String agency, @RequestParam(defaultValue = "WORKING_DAYS_LATE") String order,
                        @RequestParam(defaultValue = "true") boolean overdueOnly, AsAt asAt, Model model) {
        overdueModel(programmeId, auditId, agency, order, overdueOnly, asAt, model);
        return "overdue :: results";
    }

    private void overdueModel(String programmeId, String auditId, String agency, String order, boolean overdueOnly,
                              AsAt asAt, Model model) {
        programmeId = blankTo(programmeId, properties.programmeId());
        Map<String, Object> filters = filters("programmeId", programmeId, "auditId", auditId, "agency", agency,
                "order", order, "size", 500);
        if (overdueOnly) {
            filters.put("overdue", true);
        }
        model.addAttribute("programmeId", blankTo(programmeId, ""));
        model.addAttribute("auditId", blankTo(auditId, ""));
        model.addAttribute("agency", blankTo(agency, ""));
        model.addAttribute("order", order);
        model.addAttribute("overdueOnly", overdueOnly);
        model.addAttribute("orders", List.of("WORKING_DAYS_LATE", "DUE_DATE", "AGENCY", "AUDIT"));
        if (asAt.error() == null) {
            model.addAttribute("returns", Api.object(reporting, uri("/api/outstanding-returns", asAt, filters)));
        }
    }

    @GetMapping("/audits/{auditId}/matrix")
    String matrix(@PathVariable String auditId, AsAt asAt, Model model) {
        model.addAttribute("auditId", auditId);
        if (asAt.error() == null) {
            model.addAttribute("matrix", Api.object(reporting, uri("/api/audits/{a}/matrix", asAt, Map.of()), auditId));
        }
        return "matrix";
    }

    @GetMapping("/agency-compliance")
    String compliance(@RequestParam(required = false) String programmeId,
                      AsAt asAt, Model model) {
        String programme = blankTo(programmeId, properties.programmeId());
        model.addAttribute("programmeId", programme);
        if (asAt.error() == null) {
            model.addAttribute("compliance", Api.object(reporting, uri("/api/agency-compliance", asAt,
                    filters("programmeId", programme, "size", 500))));
        }
        return "compliance";
    }

    @GetMapping("/safeguarding-concerns")
    String concerns(@RequestParam(defaultValue = "true") boolean open, @RequestParam(required = false) String agency,
                    AsAt asAt, Model model) {
        model.addAttribute("open", open);
        model.addAttribute("agency", blankTo(agency, ""));
        if (asAt.error() == null) {
            model.addAttribute("concerns", Api.object(reporting, uri("/api/safeguarding-concerns", asAt,
                    filters("open", open, "agency", agency, "size", 500))));
        }
        return "concerns";
    }

    /** A reporting URI with the filters that are set and the "as of" date or "as at" instant. */
    static String uri(String path, AsAt asAt, Map<String, Object> filters) {
        UriComponentsBuilder builder = UriComponentsBuilder.fromPath(path);
        filters.forEach(builder::queryParam);
        if (asAt.instant() != null) {
            builder.queryParam("asAt", asAt.instant().toString());
        }
        if (asAt.asOfDate() != null) {
            builder.queryParam("asOf", asAt.asOfDate().toString());
        }
        return builder.build().toUriString();
    }

    static Map<String, Object> filters(Object... pairs) {
        Map<String, Object> filters = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            Object value = pairs[i + 1];
            if (value != null && !value.toString().isBlank()) {
                filters.put(pairs[i].toString(), value);
            }
        }
        return filters;
    }

    static String blankTo(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    static <T> List<T> nonNull(List<T> list) {
        return list == null ? new ArrayList<>() : list;
    }
}
