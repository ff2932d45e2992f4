package io.maap.actionplan.learning.query;

import java.util.Arrays;
import java.util.List;

/** Short lists of codes kept in one column: codes never contain the separator. */
final class Lists {

    private Lists() {
    }

    static String join(List<String> values) {
        return values == null ? "" : String.join(",", values);
    }

    static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }
}
