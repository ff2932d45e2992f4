package io.maap.auditprogramme.audit.command;

import io.maap.events.auditprogramme.AuditLearningDisseminated.Channel;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Record what of an audit's learning was sent, through which channel, to whom and when. */
public record RecordDissemination(@TargetAggregateIdentifier String auditId, String disseminationId, Channel channel,
                                  String what, String sentTo, LocalDate sentOn, String recordedBy, LocalDate today) {
}
