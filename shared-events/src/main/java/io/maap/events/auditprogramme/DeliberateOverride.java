package io.maap.events.auditprogramme;

/** A rule of time set aside on purpose: who decided it and why. */
public record DeliberateOverride(String decidedBy, String reason) {
}
