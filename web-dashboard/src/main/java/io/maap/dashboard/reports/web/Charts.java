package io.maap.dashboard.reports.web;

import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Chart.js configurations of the pages' charts, as JSON for a {@code data-chart} attribute. Every
 * chart repeats figures that the page also shows in a table, which is what screen readers use.
 */
@Component("charts")
public class Charts {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    // GOV.UK colours: blue, green, yellow, red, dark grey, turquoise, orange, purple.
    private static final String BLUE = "#1d70b8";
    private static final String GREEN = "#00703c";
    private static final String YELLOW = "#ffdd00";
    private static final String RED = "#d4351c";
    private static final String GREY = "#505a5f";
    private static final String TURQUOISE = "#28a197";
    private static final String ORANGE = "#f47738";
    private static final String PURPLE = "#4c2c92";

    /** Returns by status: on time, late, nil, sent back, accepted, outstanding, overdue. */
    public String returns(Map<String, Object> scorecard) {
        Map<String, Object> r = figures(scorecard, "returns");
        return bar("Returns", List.of("Expected", "Received on time", "Received late", "Nil returns", "Sent back", "Accepted",
                        "Outstanding", "Overdue"),
                List.of(r.get("expected"), r.get("onTime"), r.get("late"), r.get("nil"), r.get("sentBack"), r.get("accepted"),
                        r.get("outstanding"), r.get("overdue")),
                List.of(GREY, GREEN, YELLOW, TURQUOISE, ORANGE, BLUE, PURPLE, RED));
    }

    /** Open actions by RAG, and closed ones. */
    public String actions(Map<String, Object> scorecard) {
        Map<String, Object> a = figures(scorecard, "actions");
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("labels", List.of("On track (green)", "At risk (amber)", "Off track (red)", "No update yet", "Closed"));
        data.put("datasets", List.of(Map.of("label", "Actions",
                "data", List.of(a.get("onTrack"), a.get("atRisk"), a.get("offTrack"), a.get("noUpdate"), a.get("closed")),
                "backgroundColor", List.of(GREEN, YELLOW, RED, GREY, BLUE))));
        return json(Map.of("type", "doughnut", "data", data,
                "options", Map.of("maintainAspectRatio", false, "plugins", Map.of("legend", Map.of("position", "right")))));
    }

    /** Findings by aspect, good practice and areas for improvement stacked. */
    @SuppressWarnings("unchecked")
    public String findings(Map<String, Object> scorecard) {
        Map<String, Object> byAspect = (Map<String, Object>) ((Map<String, Object>) scorecard.get("figures")).get("findingsByAspect");
        List<String> labels = new ArrayList<>();
        List<Object> good = new ArrayList<>();
        List<Object> improve = new ArrayList<>();
        byAspect.forEach((aspect, counts) -> {
            labels.add(aspect.replace('-', ' '));
            good.add(((Map<String, Object>) counts).get("goodPractice"));
            improve.add(((Map<String, Object>) counts).get("areaForImprovement"));
        });
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("labels", labels);
        data.put("datasets", List.of(
                Map.of("label", "Good practice", "data", good, "backgroundColor", GREEN),
                Map.of("label", "Area for improvement", "data", improve, "backgroundColor", ORANGE)));
        return json(Map.of("type", "bar", "data", data, "options", Map.of("indexAxis", "y", "maintainAspectRatio", false,
                "scales", Map.of("x", Map.of("stacked", true, "ticks", Map.of("precision", 0)), "y", Map.of("stacked", true)))));
    }

    /**
     * The schedule as a timeline: for each audit a bar from commencing to presentation as
     * planned, and one as it happened (to today while still running). Dates are days since the
     * epoch; the page's script writes them as dates.
     */
    @SuppressWarnings("unchecked")
    public String timeline(Map<String, Object> schedule) {
        List<String> labels = new ArrayList<>();
        List<Object> planned = new ArrayList<>();
        List<Object> actual = new ArrayList<>();
        LocalDate first = null;
        LocalDate last = null;
        for (Map<String, Object> row : (List<Map<String, Object>>) schedule.get("audits")) {
            labels.add(String.valueOf(row.get("title")));
            Map<String, Object> milestones = (Map<String, Object>) row.getOrDefault("milestones", Map.of());
            LocalDate plannedStart = null;
            LocalDate plannedEnd = null;
            LocalDate actualStart = null;
            LocalDate actualEnd = null;
            for (Object value : milestones.values()) {
                Map<String, Object> m = (Map<String, Object>) value;
                plannedStart = min(plannedStart, date(m.get("planned")));
                plannedEnd = max(plannedEnd, date(m.get("latest")));
                actualStart = min(actualStart, date(m.get("actual")));
                actualEnd = max(actualEnd, date(m.get("actual")));
            }
            first = min(first, min(plannedStart, actualStart));
            last = max(last, max(plannedEnd, actualEnd));
            planned.add(plannedStart == null ? null : List.of(day(plannedStart), day(plannedEnd == null ? plannedStart : plannedEnd)));
            actual.add(actualStart == null ? null : List.of(day(actualStart), day(actualEnd.equals(actualStart) ? actualStart.plusDays(3) : actualEnd)));
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("labels", labels);
        data.put("datasets", List.of(
                Map.of("label", "Planned", "data", planned, "backgroundColor", BLUE),
                Map.of("label", "Actual", "data", actual, "backgroundColor", GREEN)));
        Map<String, Object> axis = new LinkedHashMap<>();
        axis.put("type", "linear");
        if (first != null) {
            axis.put("min", day(first.minusDays(14)));
            axis.put("max", day((last == null ? first : last).plusDays(14)));
        }
        return json(Map.of("type", "bar", "data", data, "maapDayAxis", "x",
                "options", Map.of("indexAxis", "y", "maintainAspectRatio", false, "scales", Map.of("x", axis))));
    }

    private static String bar(String label, List<String> labels, List<Object> values, List<String> colours) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("labels", labels);
        data.put("datasets", List.of(Map.of("label", label, "data", values, "backgroundColor", colours)));
        return json(Map.of("type", "bar", "data", data, "options", Map.of("maintainAspectRatio", false,
                "plugins", Map.of("legend", Map.of("display", false)), "scales", Map.of("y", Map.of("ticks", Map.of("precision", 0))))));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> figures(Map<String, Object> scorecard, String part) {
        return (Map<String, Object>) ((Map<String, Object>) scorecard.get("figures")).get(part);
    }

    private static LocalDate date(Object value) {
        return value == null ? null : LocalDate.parse(value.toString());
    }

    private static long day(LocalDate date) {
        return date.atStartOfDay(ZoneOffset.UTC).toLocalDate().toEpochDay();
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a == null ? b : b == null || a.isBefore(b) ? a : b;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }

    private static String json(Object value) {
        return JSON.writeValueAsString(value);
    }
}
