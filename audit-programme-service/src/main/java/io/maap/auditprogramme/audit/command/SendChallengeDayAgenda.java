package io.maap.auditprogramme.audit.command;

import io.maap.events.auditprogramme.DeliberateOverride;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Record that the agenda of the scheduled challenge day went out on {@code sentOn}, sent by
 * {@code sentBy}; {@code override} explains an agenda later than its due day. {@code today} is the
 * day the service records it, so that an agenda dated after it is refused.
 */
public record SendChallengeDayAgenda(@TargetAggregateIdentifier String auditId, LocalDate sentOn, String sentBy,
                                     DeliberateOverride override, LocalDate today) {
}
