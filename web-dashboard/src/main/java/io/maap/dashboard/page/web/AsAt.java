package io.maap.dashboard.page.web;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The "as at" date of a view, from the GOV.UK date input ({@code asAtDay}, {@code asAtMonth},
 * {@code asAtYear}) or a link's {@code asAt=2017-07-18}: the view as it stood at the end of that
 * day in the UK. Blank means now.
 */
public record AsAt(String day, String month, String year, LocalDate date, String error) {

    static final ZoneId UK = ZoneId.of("Europe/London");

    public static AsAt of(jakarta.servlet.http.HttpServletRequest request) {
        return of(request.getParameter("asAt"), request.getParameter("asAtDay"), request.getParameter("asAtMonth"),
                request.getParameter("asAtYear"));
    }

    public static AsAt of(String asAt, String day, String month, String year) {
        if (isBlank(day) && isBlank(month) && isBlank(year)) {
            if (isBlank(asAt)) {
                return new AsAt("", "", "", null, null);
            }
            try {
                LocalDate date = LocalDate.parse(asAt.strip());
                if (date.isAfter(LocalDate.now(UK))) {
                    return new AsAt("", "", "", null, "The date must be today or in the past");
                }
                return new AsAt(String.valueOf(date.getDayOfMonth()), String.valueOf(date.getMonthValue()),
                        String.valueOf(date.getYear()), date, null);
            } catch (DateTimeException e) {
                return new AsAt("", "", "", null, "Enter the date as at which to show this page, for example 18 7 2017");
            }
        }
        try {
            LocalDate date = LocalDate.of(Integer.parseInt(year.strip()), Integer.parseInt(month.strip()),
                    Integer.parseInt(day.strip()));
            if (date.isAfter(LocalDate.now(UK))) {
                return new AsAt(day, month, year, null, "The date must be today or in the past");
            }
            return new AsAt(day, month, year, date, null);
        } catch (RuntimeException e) {
            return new AsAt(nullToEmpty(day), nullToEmpty(month), nullToEmpty(year), null,
                    "Enter a real date, for example 18 7 2017");
        }
    }

    /** The instant to pass to reporting-service as {@code asAt}, or null for now. */
    public Instant instant() {
        return date == null ? null : date.plusDays(1).atStartOfDay(UK).toInstant().minusSeconds(1);
    }

    public boolean set() {
        return date != null;
    }

    /** {@code &asAt=2017-07-18} to carry the date on links, or empty. */
    public String query() {
        return date == null ? "" : "&asAt=" + date;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
