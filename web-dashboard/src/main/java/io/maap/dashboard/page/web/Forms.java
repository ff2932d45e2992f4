package io.maap.dashboard.page.web;

import io.maap.dashboard.page.web.FormErrors;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Reading what a form sent: GOV.UK date inputs, lists one per line, fresh ids for safe retries. */
public final class Forms {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();

    private Forms() {
    }

    /** A new id for a form, so that sending it twice creates one thing: {@code finding-k3m9x2qa}. */
    public static String newId(String prefix) {
        StringBuilder id = new StringBuilder(prefix).append('-');
        for (int i = 0; i < 8; i++) {
            id.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return id.toString();
    }

    /**
     * The date of a GOV.UK date input named {@code name} ({@code name-day}, {@code -month},
     * {@code -year}); null when all three are blank; an error on {@code errors} when not a date.
     */
    public static LocalDate date(Map<String, String> form, String name, String label, boolean required, FormErrors errors) {
        String day = text(form, name + "-day");
        String month = text(form, name + "-month");
        String year = text(form, name + "-year");
        if (day == null && month == null && year == null) {
            if (required) {
                errors.add(name + "-day", "Enter " + label);
            }
            return null;
        }
        try {
            return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
        } catch (RuntimeException e) {
            errors.add(name + "-day", label.substring(0, 1).toUpperCase() + label.substring(1) + " must be a real date");
            return null;
        }
    }

    /** The stripped value, or null when blank. */
    public static String text(Map<String, String> form, String name) {
        String value = form.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Non-blank lines of a textarea. */
    public static List<String> lines(Map<String, String> form, String name) {
        String value = form.get(name);
        if (value == null) {
            return List.of();
        }
        return Arrays.stream(value.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** Every value of a repeated field (checkboxes). */
    public static List<String> all(org.springframework.util.MultiValueMap<String, String> form, String name) {
        List<String> values = form.get(name);
        return values == null ? List.of() : new ArrayList<>(values.stream().filter(v -> !v.isBlank()).toList());
    }
}
