package io.maap.auditprogramme.audit.web;

import io.maap.support.web.Patterns;

import java.time.LocalDate;
import java.util.Locale;

/**
 * The form of the case references the partnership issues: its code, the year and month the audit
 * tool goes out, the initial of the audit's theme and the number the programme's sequence gives,
 * two digits at least, e.g. {@code RBR-1704-N03} ({@link Patterns#CASE_REFERENCE}).
 */
final class CaseReferenceFormat {

    static final int LAST_NUMBER = 9999;

    private CaseReferenceFormat() {
    }

    static String reference(String partnershipCode, LocalDate toolSentOn, String theme, int number) {
        if (number < 1 || number > LAST_NUMBER) {
            throw new IllegalStateException("The programme's case reference sequence is used up (" + number + ").");
        }
        String initial = theme.toUpperCase(Locale.ROOT).chars().filter(c -> c >= 'A' && c <= 'Z').findFirst()
                .stream().mapToObj(c -> String.valueOf((char) c)).findFirst().orElse("X");
        return String.format(Locale.ROOT, "%s-%02d%02d-%s%02d", partnershipCode, toolSentOn.getYear() % 100,
                toolSentOn.getMonthValue(), initial, number);
    }

    static String requireValidCode(String partnershipCode) {
        if (partnershipCode == null || !partnershipCode.matches("^[A-Z]{2,6}$")) {
            throw new IllegalStateException("maap.case-references.partnership-code must be 2 to 6 upper-case letters, e.g. RBR");
        }
        return partnershipCode;
    }
}
