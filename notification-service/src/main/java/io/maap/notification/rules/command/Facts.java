package io.maap.notification.rules.command;

import java.util.List;
import java.util.stream.Collectors;

/** Turning facts into the text parameters a template shows. */
final class Facts {

    private Facts() {
    }

    static String list(List<String> values) {
        return values.stream().sorted().collect(Collectors.joining(", "));
    }
}
