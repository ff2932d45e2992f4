package io.maap.auditprogramme.calendar.web;

import io.maap.auditprogramme.programme.query.ProgrammeQueries;
import io.maap.events.auditprogramme.Milestone;
import io.maap.support.web.CsvCells;
import io.maap.events.auditprogramme.PlannedDate;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An audit calendar as a table, in one of the two shapes the seeds print: North East Lincolnshire's
 * audit calendar (seed 001: name of audit, tool sent out, deadline, QA sub group, challenge day, QA
 * sub group, action plan sent out, monitoring, actions completed by) or Redbridge's programme
 * schedule (seed 000: audit, commence, round table, presented to the Executive). Reading gives each
 * row's planned milestones, or what is wrong with the row; writing gives the same shape back.
 */
public final class CalendarTable {

    /** Which table the CSV is. */
    public enum Shape {
        CALENDAR(List.of("Name of audit", "Tool sent out", "Deadline for completion", "QA Sub Group", "Challenge Day",
                "QA Sub Group", "Action Plan sent out", "Monitoring of action plan", "Actions completed by"),
                List.of(Milestone.TOOL_SENT, Milestone.RETURNS_CLOSED, Milestone.ANALYSED, Milestone.CHALLENGE_DAY,
                        Milestone.REPORT_DRAFTED, Milestone.SIGNED_OFF, Milestone.MONITORING_STARTED, Milestone.CLOSED)),
        SCHEDULE(List.of("AUDIT", "Commence", "Multi Agency Audit 'round table' exercise", "Presented to LSCB Executive"),
                List.of(Milestone.TOOL_SENT, Milestone.CHALLENGE_DAY, Milestone.SIGNED_OFF));

        final List<String> headers;
        final List<Milestone> milestones;

        Shape(List<String> headers, List<Milestone> milestones) {
            this.headers = headers;
            this.milestones = milestones;
        }
    }

    /** One row read: its number in the file (the header is row 1), the audit's name, its dates, and problems. */
    public record Row(int line, String name, boolean section11, Map<Milestone, PlannedDate> planned, List<String> errors,
                      List<String> warnings) {
    }

    /** The table read: its shape and rows, or an error about the whole file. */
    public record Read(Shape shape, List<Row> rows, String fileError) {
    }

    public static final int MAX_ROWS = 200;
    private static final Pattern SUP = Pattern.compile("</?sup>", Pattern.CASE_INSENSITIVE);
    private static final Pattern DAY = Pattern.compile("(?i)^(\\d{1,2})\\s*(?:st|nd|rd|th)?\\s+([a-z]+)\\.?(?:\\s+(\\d{4}))?$");
    private static final Pattern MONTH = Pattern.compile("(?i)^([a-z]+)\\.?\\s+(\\d{4})$");
    private static final Pattern NUMERIC = Pattern.compile("^(\\d{1,2})/(\\d{1,2})/(\\d{2}|\\d{4})$");
    private static final Pattern WEEK = Pattern.compile("(?i)^(?:w/c|week commencing)\\s+(.+)$");
    private static final Pattern QUARTERLY = Pattern.compile("(?i)^(?:quarterly|monthly)\\s+from\\s+(.+)$");

    private CalendarTable() {
    }

    /** Reads the CSV; dates without a year take the year of the date before them in the row ({@code year} for the first). */
    public static Read read(Reader csv, int year) {
        List<CSVRecord> records;
        try (CSVParser parser = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).setTrim(true).get().parse(csv)) {
            records = new ArrayList<>();
            for (CSVRecord record : parser) {
                records.add(record);
                if (records.size() > MAX_ROWS + 1) {
                    return new Read(null, List.of(), "The file has more than " + MAX_ROWS + " rows.");
                }
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            return new Read(null, List.of(), "The file is not a readable CSV: " + e.getMessage());
        }
        if (records.isEmpty()) {
            return new Read(null, List.of(), "The file is empty.");
        }
        Shape shape = shapeOf(records.get(0));
        if (shape == null) {
            return new Read(null, List.of(), "The first row must be the header of seed 001's audit calendar ("
                    + String.join(", ", Shape.CALENDAR.headers) + ") or of seed 000's programme schedule ("
                    + String.join(", ", Shape.SCHEDULE.headers) + ").");
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < records.size(); i++) {
            rows.add(row(shape, records.get(i), i + 1, year));
        }
        if (rows.isEmpty()) {
            return new Read(shape, List.of(), "The file has a header but no audits.");
        }
        return new Read(shape, rows, null);
    }

    private static Shape shapeOf(CSVRecord header) {
        for (Shape shape : Shape.values()) {
            if (header.size() == shape.headers.size()) {
                boolean same = true;
                for (int i = 0; i < header.size(); i++) {
                    same &= normal(header.get(i)).equals(normal(shape.headers.get(i)));
                }
                if (same) {
                    return shape;
                }
            }
        }
        return null;
    }

    private static String normal(String text) {
        return text.replaceAll("[\\s\u00a0]+", " ").replace('\u2019', '\'').strip().toLowerCase(Locale.UK);
    }

    private static Row row(Shape shape, CSVRecord record, int line, int year) {
        List<String> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Map<Milestone, PlannedDate> planned = new LinkedHashMap<>();
        if (record.size() != shape.headers.size()) {
            errors.add("Row has " + record.size() + " cells; the header has " + shape.headers.size() + ".");
            return new Row(line, record.size() > 0 ? record.get(0) : "", false, planned, errors, warnings);
        }
        String name = record.get(0).replaceAll("\\s+", " ").strip();
        if (name.isEmpty()) {
            errors.add(shape.headers.get(0) + ": the audit has no name.");
        } else if (name.length() > 200) {
            errors.add(shape.headers.get(0) + ": at most 200 characters.");
        }
        boolean section11 = name.toLowerCase(Locale.UK).startsWith("section 11");
        if (section11 && shape == Shape.CALENDAR) {
            errors.add("A Section 11 audit is imported from the programme schedule's shape, not the audit calendar's.");
        }
        int currentYear = year;
        LocalDate previous = null;
        for (int i = 1; i < record.size(); i++) {
            String column = shape.headers.get(i);
            String text = SUP.matcher(record.get(i)).replaceAll("").replaceAll("[\\s\u00a0]+", " ").strip();
            if (text.isEmpty() || text.equalsIgnoreCase("N/A") || text.equalsIgnoreCase("Not applicable")) {
                continue;
            }
            try {
                PlannedDate date = parse(text, currentYear, previous, warnings, column);
                planned.put(shape.milestones.get(i - 1), date);
                previous = date.date();
                currentYear = date.date().getYear();
            } catch (IllegalArgumentException e) {
                errors.add(column + ": " + e.getMessage());
            }
        }
        if (section11) {
            if (planned.containsKey(Milestone.CHALLENGE_DAY)) {
                errors.add(shape.headers.get(2) + ": a Section 11 audit has no round table; write N/A.");
            }
            if (!planned.containsKey(Milestone.TOOL_SENT) || !planned.containsKey(Milestone.SIGNED_OFF)) {
                errors.add("A Section 11 audit needs its commencement and its presentation to the Executive.");
            }
        } else if (!planned.containsKey(Milestone.TOOL_SENT)) {
            errors.add(shape.headers.get(1) + ": the audit needs a date to commence (the tool sent out).");
        }
        return new Row(line, name, section11, planned, errors, warnings);
    }

    /**
     * A date as the seeds write them: "18th January", "18 January 2016", "03/10/17" (a day); "W/C 22 May 2017"
     * (a week, by its Monday); "Jan 2017", "September 2017", "Quarterly from June 2016" (a month).
     */
    static PlannedDate parse(String text, int year, LocalDate previous, List<String> warnings, String column) {
        Matcher quarterly = QUARTERLY.matcher(text);
        if (quarterly.matches()) {
            text = quarterly.group(1).strip();
        }
        Matcher week = WEEK.matcher(text);
        if (week.matches()) {
            LocalDate day = parse(week.group(1).strip(), year, previous, warnings, column).date();
            LocalDate monday = day.with(DayOfWeek.MONDAY);
            if (!monday.equals(day)) {
                warnings.add(column + ": \"" + text + "\" is a " + name(day.getDayOfWeek()) + "; read as the week commencing Monday "
                        + ProgrammeQueries.text(new PlannedDate(monday, PlannedDate.Precision.DAY)) + ".");
            }
            return new PlannedDate(monday, PlannedDate.Precision.WEEK_COMMENCING);
        }
        Matcher day = DAY.matcher(text);
        if (day.matches()) {
            Month month = month(day.group(2));
            int dayOfMonth = Integer.parseInt(day.group(1));
            if (day.group(3) != null) {
                return new PlannedDate(date(Integer.parseInt(day.group(3)), month, dayOfMonth, text), PlannedDate.Precision.DAY);
            }
            LocalDate date = date(year, month, dayOfMonth, text);
            if (previous != null && date.isBefore(previous)) {
                date = date(year + 1, month, dayOfMonth, text);
            }
            return new PlannedDate(date, PlannedDate.Precision.DAY);
        }
        Matcher numeric = NUMERIC.matcher(text);
        if (numeric.matches()) {
            int y = Integer.parseInt(numeric.group(3));
            return new PlannedDate(date(y < 100 ? 2000 + y : y, monthNumber(Integer.parseInt(numeric.group(2)), text),
                    Integer.parseInt(numeric.group(1)), text), PlannedDate.Precision.DAY);
        }
        Matcher month = MONTH.matcher(text);
        if (month.matches()) {
            return new PlannedDate(LocalDate.of(Integer.parseInt(month.group(2)), month(month.group(1)), 1), PlannedDate.Precision.MONTH);
        }
        throw new IllegalArgumentException("\"" + text + "\" is not a date this import reads (e.g. 18th January, "
                + "18 January 2016, W/C 22 May 2017, September 2017, Quarterly from June 2016, N/A).");
    }

    private static LocalDate date(int year, Month month, int day, String text) {
        if (year < 2000 || year > 2100) {
            throw new IllegalArgumentException("\"" + text + "\": the year must be between 2000 and 2100.");
        }
        if (day < 1 || day > month.length(java.time.Year.isLeap(year))) {
            throw new IllegalArgumentException("\"" + text + "\" is not a day of " + name(month) + " " + year + ".");
        }
        return LocalDate.of(year, month, day);
    }

    private static Month monthNumber(int number, String text) {
        if (number < 1 || number > 12) {
            throw new IllegalArgumentException("\"" + text + "\" has no month " + number + ".");
        }
        return Month.of(number);
    }

    private static Month month(String word) {
        String w = word.toLowerCase(Locale.UK);
        for (Month month : Month.values()) {
            String full = month.getDisplayName(TextStyle.FULL, Locale.UK).toLowerCase(Locale.UK);
            if (w.length() >= 3 && full.startsWith(w) || w.equals("sept") && month == Month.SEPTEMBER) {
                return month;
            }
        }
        throw new IllegalArgumentException("\"" + word + "\" is not a month.");
    }

    private static String name(Enum<?> value) {
        String lower = value.name().toLowerCase(Locale.UK);
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }

    /** One audit's line to write: its name, whether Section 11, and its planned milestones. */
    public record Line(String name, boolean section11, Map<Milestone, PlannedDate> planned) {
    }

    /**
     * Writes the lines in the shape (RFC 4180, CRLF, every cell quoted and safe to open in a spreadsheet:
     * {@link CsvCells}); dates in full, as "18 January 2016", "W/C 22 May 2017", "June 2016".
     */
    public static String write(Shape shape, List<Line> lines) {
        StringBuilder out = new StringBuilder(CsvCells.row(shape.headers));
        for (Line line : lines) {
            if (line.section11() && shape == Shape.CALENDAR) {
                continue;
            }
            List<String> cells = new ArrayList<>();
            cells.add(line.name());
            for (Milestone milestone : shape.milestones) {
                PlannedDate date = line.planned().get(milestone);
                if (line.section11() && milestone == Milestone.CHALLENGE_DAY) {
                    cells.add("N/A");
                } else if (date == null) {
                    cells.add("");
                } else if (milestone == Milestone.MONITORING_STARTED && date.precision() == PlannedDate.Precision.MONTH) {
                    cells.add("Quarterly from " + ProgrammeQueries.text(date));
                } else {
                    cells.add(ProgrammeQueries.text(date));
                }
            }
            out.append(CsvCells.row(cells));
        }
        return out.toString();
    }
}
