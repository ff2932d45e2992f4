package io.maap.casereturn.agency.messaging;

/**
 * A CloudEvent that cannot be read, thrown from deep inside {@link InboundCloudEvent}'s parser;
 * {@link ParseCloudEvent} turns it into a rejected {@link Outcome}.
 */
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
