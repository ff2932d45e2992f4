package io.maap.auditprogramme.audit.command;

import io.maap.events.auditprogramme.DeliberateOverride;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Set (or move) the challenge day; {@code override} explains a day outside the 15-working-day window. */
public record ScheduleChallengeDay(@TargetAggregateIdentifier String auditId, LocalDate challengeDayOn, String chair,
                                   DeliberateOverride override) {
}
