package io.maap.support.domain;

/**
 * A command refused by a business rule: an illegal lifecycle transition, a deadline in the
 * wrong place, an auditor who is not independent. A first-class outcome with a stable code
 * and a reason a person can act on, shown over HTTP as a problem detail (409).
 */
public class RuleViolation extends RuntimeException {

    private final String code;

    public RuleViolation(String code, String reason) {
        super(reason);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
