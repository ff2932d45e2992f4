package io.maap.casereturn.agency.messaging;

/** An agency message that will never be applied: it goes to the dead-letter topic with this code and reason. */
class Rejection extends RuntimeException {

    private final String code;

    Rejection(String code, String reason) {
        super(reason);
        this.code = code;
    }

    String code() {
        return code;
    }
}
