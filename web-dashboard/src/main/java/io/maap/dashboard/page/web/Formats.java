package io.maap.dashboard.page.web;

import io.maap.dashboard.page.web.AsAt;

import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/** How pages write dates, codes and statuses: GOV.UK style ("18 July 2017"), tags with colours. */
@Component("fmt")
public class Formats {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.UK);

    private static final Map<String, String> TAG_COLOURS = Map.ofEntries(
            Map.entry("OUTSTANDING", "govuk-tag--grey"), Map.entry("REQUESTED", "govuk-tag--grey"),
            Map.entry("AWAITING_QA", "govuk-tag--blue"), Map.entry("SUBMITTED", "govuk-tag--blue"),
            Map.entry("AWAITING", "govuk-tag--grey"), Map.entry("SENT_BACK", "govuk-tag--orange"),
            Map.entry("ACCEPTED", "govuk-tag--green"), Map.entry("OVERDUE", "govuk-tag--red"),
            Map.entry("NIL", "govuk-tag--turquoise"),
            Map.entry("MET", "govuk-tag--green"), Map.entry("MET_LATE", "govuk-tag--yellow"),
            Map.entry("ON_TRACK", "govuk-tag--blue"), Map.entry("UNPLANNED", "govuk-tag--grey"),
            Map.entry("GREEN", "govuk-tag--green"), Map.entry("AMBER", "govuk-tag--yellow"),
            Map.entry("RED", "govuk-tag--red"), Map.entry("NO_UPDATE", "govuk-tag--grey"),
            Map.entry("OPEN", "govuk-tag--blue"), Map.entry("CLOSED", "govuk-tag--green"),
            Map.entry("RUNNING", "govuk-tag--blue"), Map.entry("SWITCHING", "govuk-tag--blue"),
            Map.entry("COMPLETED", "govuk-tag--green"), Map.entry("FAILED", "govuk-tag--red"),
            Map.entry("IDLE", "govuk-tag--grey"));

    /** "18 July 2017" from an ISO date or instant; a dash when absent. */
    public String date(Object value) {
        if (value == null || value.toString().isBlank()) {
            return "–";
        }
        String text = value.toString();
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).format(DAY);
            }
            return Instant.parse(text).atZone(AsAt.UK).format(WHEN);
        } catch (RuntimeException e) {
            return text;
        }
    }

    public String shortDate(Object value) {
        if (value == null || value.toString().length() != 10) {
            return date(value);
        }
        return LocalDate.parse(value.toString()).format(SHORT);
    }

    /** A planned date as precise as the plan was: "w/c 22 May 2017", "September 2017". */
    public String planned(Object date, Object precision) {
        if (date == null) {
            return "–";
        }
        LocalDate day = LocalDate.parse(date.toString());
        return switch (precision == null ? "DAY" : precision.toString()) {
            case "WEEK_COMMENCING" -> "w/c " + day.format(DAY);
            case "MONTH" -> day.format(DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK));
            default -> day.format(DAY);
        };
    }

    /** "Awaiting QA" from {@code AWAITING_QA}; "Met police" from {@code met-police}. */
    public String words(Object code) {
        if (code == null) {
            return "–";
        }
        String text = code.toString().replace('_', ' ').replace('-', ' ').toLowerCase(Locale.UK);
        text = (" " + text + " ").replace(" qa ", " QA ").replace(" rag ", " RAG ").strip();
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** A return's status as people say it, whichever service named it. */
    public String returnStatus(Object status) {
        return switch (status == null ? "" : status.toString()) {
            case "AWAITING", "OUTSTANDING", "REQUESTED" -> "Awaiting return";
            case "SUBMITTED", "AWAITING_QA" -> "Awaiting QA";
            default -> words(status);
        };
    }

    public String tagClass(Object status) {
        return "govuk-tag " + TAG_COLOURS.getOrDefault(status == null ? "" : status.toString(), "govuk-tag--grey");
    }

    public String percent(Object fraction) {
        if (!(fraction instanceof Number number)) {
            return "–";
        }
        return Math.round(number.doubleValue() * 100) + "%";
    }
}
