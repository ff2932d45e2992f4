package io.maap.events.actionplan;

import io.maap.events.EventType;

import java.time.LocalDate;

/**
 * The partnership added an aspect to the taxonomy findings are recorded under, beside the
 * default aspects (management oversight, recording, compliance with procedures, ...). Sent once
 * per aspect, when the QA coordinator registers it.
 *
 * @param partnershipId the partnership whose taxonomy it is; also the Kafka key
 * @param aspect        the stable aspect code, e.g. {@code transitions-to-adult-services}
 * @param label         how the aspect is shown, e.g. "Transitions to adult services"
 * @param registeredBy  who registered it
 * @param registeredOn  the day it was registered (Europe/London)
 */
@EventType(name = "maap.finding-aspect.registered", version = 1)
public record FindingAspectRegistered(
        String partnershipId,
        String aspect,
        String label,
        String registeredBy,
        LocalDate registeredOn) implements ActionPlanEvent {
}
