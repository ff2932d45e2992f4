package io.maap.support.web;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Cells and rows of the CSV files MAAP exports (RFC 4180), safe to open in a spreadsheet. */
public final class CsvCells {

    private static final Pattern FORMULA_START = Pattern.compile("(?m)^(?=[=+\\-@\\t\\r])");

    private CsvCells() {
    }

    /**
     * RFC 4180 quoting, and a cell a spreadsheet reads as text: any line of the value that starts
     * with a formula character (= + - @, tab, carriage return) gets a leading apostrophe, as OWASP's
     * CSV injection advice has it, so neither the value nor a line after a break in it is executed.
     */
    public static String quote(String value) {
        if (value == null) {
            return "";
        }
        String safe = FORMULA_START.matcher(value).replaceAll("'");
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }

    /** One record: every cell quoted, ended by CRLF. */
    public static String row(List<String> cells) {
        return cells.stream().map(CsvCells::quote).collect(Collectors.joining(",")) + "\r\n";
    }
}
