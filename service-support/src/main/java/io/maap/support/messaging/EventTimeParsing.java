package io.maap.support.messaging;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * A CloudEvents {@code time} (RFC 3339) parsed as {@link OffsetDateTime#parse(CharSequence)} parses
 * it, with a direct path for the shape MAAP's producers write ({@code 2017-04-03T09:15:30.123456Z},
 * any fraction of 0 to 9 digits, {@code Z} or {@code ±hh:mm}): every event read parses one, and
 * the general formatter was some 7% of a rebuild's thread in a profile. Anything else, and any
 * value out of range, goes to {@link OffsetDateTime#parse(CharSequence)}, which gives the same
 * result or the same exception.
 */
public final class EventTimeParsing {

    private EventTimeParsing() {
    }

    public static OffsetDateTime parse(String text) {
        OffsetDateTime direct = direct(text);
        return direct != null ? direct : OffsetDateTime.parse(text);
    }

    /** The time in the usual shape, or null for any other text (or a field out of range). */
    static OffsetDateTime direct(String t) {
        int length = t.length();
        if (length < 20 || t.charAt(4) != '-' || t.charAt(7) != '-' || t.charAt(10) != 'T' || t.charAt(13) != ':'
                || t.charAt(16) != ':') {
            return null;
        }
        int year = digits(t, 0, 4);
        int month = digits(t, 5, 2);
        int day = digits(t, 8, 2);
        int hour = digits(t, 11, 2);
        int minute = digits(t, 14, 2);
        int second = digits(t, 17, 2);
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        int i = 19;
        int nanos = 0;
        if (t.charAt(i) == '.') {
            int start = ++i;
            while (i < length && i - start < 10 && t.charAt(i) >= '0' && t.charAt(i) <= '9') {
                nanos = nanos * 10 + (t.charAt(i) - '0');
                i++;
            }
            int count = i - start;
            if (count == 0 || count > 9) {
                return null;
            }
            for (int k = count; k < 9; k++) {
                nanos *= 10;
            }
        }
        ZoneOffset offset;
        if (i == length - 1 && t.charAt(i) == 'Z') {
            offset = ZoneOffset.UTC;
        } else if (i == length - 6 && (t.charAt(i) == '+' || t.charAt(i) == '-') && t.charAt(i + 3) == ':') {
            int hours = digits(t, i + 1, 2);
            int minutes = digits(t, i + 4, 2);
            if ((hours | minutes) < 0) {
                return null;
            }
            int sign = t.charAt(i) == '-' ? -1 : 1;
            try {
                offset = ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
            } catch (DateTimeException e) {
                return null;
            }
        } else {
            return null;
        }
        try {
            return OffsetDateTime.of(year, month, day, hour, minute, second, nanos, offset);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The decimal number of {@code count} ASCII digits at {@code from}, or -1 if one is not a digit. */
    private static int digits(String t, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
