package io.maap.dashboard.page.web;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The past date a view is shown for, from the GOV.UK date input ({@code asAtDay}, {@code asAtMonth},
 * {@code asAtYear}) with its choice {@code asAtKind} ({@code asOf} or {@code asAt}), or a link's
 * {@code asOf=2017-07-18} or {@code asAt=2017-07-18}. Either the position "as of" that date, by
 * when things happened ({@link #asOf()}), or what had been recorded "as at" the end of that day
 * in the UK ({@link #instant()}). Blank means now.
 */
public record AsAt(String day, String month, String year, LocalDate date, String error, boolean asOf) {

    static final ZoneId UK = ZoneId.of("Europe/London");

    public AsAt(String day, String month, String year, LocalDate date, String error) {
        this(day, month, year, date, error, false);
    }

    public static AsAt of(jakarta.servlet.http.HttpServletRequest request) {
        String asOfLink = request.getParameter("asOf");
        boolean asOf = "asOf".equals(request.getParameter("asAtKind"))
                || (request.getParameter("asAtKind") == null && !isBlank(asOfLink));
        String link = asOf && !isBlank(asOfLink) ? asOfLink : request.getParameter("asAt");
        return of(link, request.getParameter("asAtDay"), request.getParameter("asAtMonth"),
                request.getParameter("asAtYear"), asOf);
    }

    public static AsAt of(String asAt, String day, String month, String year) {
        return of(asAt, day, month, year, false);
    }

    public static AsAt of(String link, String day, String month, String year, boolean asOf) {
        if (isBlank(day) && isBlank(month) && isBlank(year)) {
            if (isBlank(link)) {
                return new AsAt("", "", "", null, null, asOf);
            }
            try {
                LocalDate date = LocalDate.parse(link.strip());
                if (date.isAfter(LocalDate.now(UK))) {
                    return new AsAt("", "", "", null, "The date must be today or in the past", asOf);
                }
                return new AsAt(String.valueOf(date.getDayOfMonth()), String.valueOf(date.getMonthValue()),
                        String.valueOf(date.getYear()), date, null, asOf);
            } catch (DateTimeException e) {
                return new AsAt("", "", "", null, "Enter the date to show this page for, for example 18 7 2017", asOf);
            }
        }
        try {
            LocalDate date = LocalDate.of(Integer.parseInt(year.strip()), Integer.parseInt(month.strip()),
                    Integer.parseInt(day.strip()));
            if (date.isAfter(LocalDate.now(UK))) {
                return new AsAt(day, month, year, null, "The date must be today or in the past", asOf);
            }
            return new AsAt(day, month, year, date, null, asOf);
        } catch (RuntimeException e) {
            return new AsAt(nullToEmpty(day), nullToEmpty(month), nullToEmpty(year), null,
                    "Enter a real date, for example 18 7 2017", asOf);
        }
    }

    /** The instant to pass to reporting-service as {@code asAt}, or null for now or when the page is "as of" a date. */
    public Instant instant() {
        return date == null || asOf ? null : date.plusDays(1).atStartOfDay(UK).toInstant().minusSeconds(1);
    }

    /** The date to pass to reporting-service as {@code asOf}, or null for now or when the page is "as at". */
    public LocalDate asOfDate() {
        return asOf ? date : null;
    }

    public boolean set() {
        return date != null;
    }

    /** {@code &asOf=2017-07-18} or {@code &asAt=2017-07-18} to carry the date on links, or empty. */
    public String query() {
        return date == null ? "" : (asOf ? "&asOf=" : "&asAt=") + date;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
