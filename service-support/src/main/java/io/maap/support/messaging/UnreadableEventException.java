package io.maap.support.messaging;

/** A Kafka message that can never be processed; it goes to the dead-letter topic with this reason. */
public class UnreadableEventException extends RuntimeException {

    public UnreadableEventException(String reason) {
        super(reason);
    }
}
