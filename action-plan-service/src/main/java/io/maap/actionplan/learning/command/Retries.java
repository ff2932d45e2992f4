package io.maap.actionplan.learning.command;

import io.maap.support.domain.RuleViolation;

/** Every create can be retried: the same content again changes nothing; other content under the same id is refused. */
final class Retries {

    private Retries() {
    }

    /** True when {@code earlier} is exactly what {@code now} would record, i.e. the request is a retry. */
    static boolean isRepeat(Object earlier, Object now, String code, String what) {
        if (earlier == null) {
            return false;
        }
        if (earlier.equals(now)) {
            return true;
        }
        throw new RuleViolation(code, "The " + what + " already exists with other details.");
    }
}
