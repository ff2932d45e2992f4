package io.maap.casereturn.request.command;

/** Where a command came from: the REST API (web form or script) or the agency's own system over Kafka. */
public final class Commands {

    public static final String CHANNEL_API = "api";
    public static final String CHANNEL_KAFKA = "kafka";

    private Commands() {
    }
}
