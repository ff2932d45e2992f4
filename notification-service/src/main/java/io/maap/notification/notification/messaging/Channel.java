package io.maap.notification.notification.messaging;

import io.maap.notification.rules.command.Message;

/** A way of reaching people: GOV.UK Notify, SMTP. */
public interface Channel {

    String name();

    /**
     * Hands the message to the channel; returns when it accepted it.
     *
     * @param reference the notification's id, for the channel's own records
     * @throws PermanentFailure when trying again cannot help (e.g. an address the channel refuses)
     * @throws Exception        when it may work later (the server did not answer, a rate limit)
     */
    void send(String address, String kind, Message message, String reference) throws Exception;

    /** A failure no retry can cure. */
    class PermanentFailure extends Exception {
        public PermanentFailure(String reason, Throwable cause) {
            super(reason, cause);
        }
    }
}
