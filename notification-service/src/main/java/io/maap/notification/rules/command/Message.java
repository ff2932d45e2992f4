package io.maap.notification.rules.command;

/** A notification as people read it: a subject line and a plain-text body. */
public record Message(String subject, String body, boolean urgent) {
}
