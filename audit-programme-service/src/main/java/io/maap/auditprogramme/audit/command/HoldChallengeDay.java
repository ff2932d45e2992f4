package io.maap.auditprogramme.audit.command;

import io.maap.events.auditprogramme.DeliberateOverride;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Record that the challenge day was held; {@code override} explains a late day or a late agenda.
 * {@code agendaSentOn} null: the day the agenda was recorded as sent ({@code SendChallengeDayAgenda}).
 * {@code today} is the day the service records it, so that a step dated after it is refused.
 */
public record HoldChallengeDay(@TargetAggregateIdentifier String auditId, LocalDate heldOn, String chair,
                               LocalDate agendaSentOn, DeliberateOverride override, LocalDate today) {
}
