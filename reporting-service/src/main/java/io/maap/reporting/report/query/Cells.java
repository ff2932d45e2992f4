package io.maap.reporting.report.query;

import org.bson.Document;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the report words dates and stages, as the seeds do ("3 April 2017", "W/C 22 May 2017", "September 2017"). */
public final class Cells {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);

    private Cells() {
    }

    public static String day(LocalDate date) {
        return date == null ? "" : DAY.format(date);
    }

    public static String day(String isoDate) {
        return isoDate == null ? "" : day(LocalDate.parse(isoDate));
    }

    /** A planned date ({@code date}, {@code precision}) as the plan words it. */
    public static String planned(Document planned) {
        if (planned == null || planned.getString("date") == null) {
            return "";
        }
        LocalDate date = LocalDate.parse(planned.getString("date"));
        return switch (String.valueOf(planned.getString("precision"))) {
            case "MONTH" -> MONTH.format(date);
            case "WEEK_COMMENCING" -> "W/C " + DAY.format(date);
            default -> DAY.format(date);
        };
    }

    /** "CHALLENGE_DAY_HELD" as "Challenge day held". */
    public static String words(String constant) {
        if (constant == null) {
            return "";
        }
        String words = constant.replace('_', ' ').toLowerCase(Locale.UK);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** A whole-number percentage of part in whole; 0 when whole is 0. */
    public static int percent(int part, int whole) {
        return whole == 0 ? 0 : (int) Math.round(100.0 * part / whole);
    }
}
