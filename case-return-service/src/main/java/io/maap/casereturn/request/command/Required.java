package io.maap.casereturn.request.command;

import io.maap.support.domain.RuleViolation;

/**
 * Information a rule needs, stripped. Checked here as well as at the web edge because commands
 * also come from agency systems over Kafka, and a missing name must be refused the same way.
 */
final class Required {

    private Required() {
    }

    static String text(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new RuleViolation("information-missing", "Give " + what + ".");
        }
        return value.strip();
    }
}
